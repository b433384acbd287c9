/**
 * Loads the Kubernetes API schema before any test file runs, as `pod-tutor validate`, `check`
 * and the app do before they check a manifest (src/exercises/api-schema.ts is a lazy import,
 * while the course loader and exerciseProblems are synchronous).
 */
import {loadApiSchema} from '../../src/exercises/api-schema.js';

await loadApiSchema();
