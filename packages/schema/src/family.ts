/**
 * `@archgal/schema/family`: what is new in a model against its family — its `derivedFrom` model, else its
 * organisation's earlier models, else the plain decoder — as concept tags (`distinctiveMechanisms`) and as the
 * renderer's `highlight` option takes them, with names and the definitions that carry them (`newMechanisms`).
 * Apart from the main entry because it carries the concept catalogue's names.
 *
 * @packageDocumentation
 */
export { distinctiveMechanisms, newMechanisms, modelFamily, PLAIN_DECODER_CONCEPTS, type NewMechanism } from "./distinctive-mechanisms.js";
