/**
 * Concepts index: every concept with its diagram and how many models use it.
 */
import "../site/page-init.js";
import { models } from "@archgal/data";
import { replaceChildren } from "../site/dom-builder.js";
import { conceptIndex } from "../views/concept-index.js";

replaceChildren(document.getElementById("concepts-app")!, conceptIndex(models));
