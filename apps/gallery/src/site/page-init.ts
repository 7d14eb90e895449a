/**
 * What every page does first: load the stylesheet and wire the theme toggle.
 */
import "./styles.css";
import { initTheme } from "./theme.js";

initTheme();
