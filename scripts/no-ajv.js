// Stands in for ajv and ajv-formats in the bundle: conf needs them only for schemas, and
// pod-tutor passes none (see scripts/build-options.mjs).
function unavailable() {
	throw new Error('ajv is not bundled with pod-tutor: conf schemas are not supported');
}
export class Ajv2020 {
	constructor() {
		unavailable();
	}
}
export default unavailable;
