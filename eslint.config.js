// The linter of `npm test` (npm run lint, run before vitest): typescript-eslint's recommended
// rules everywhere, React's hooks rules where React code is. Formatting is Prettier's
// (npm run format:check); docs/DECISIONS.md says why these two.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'coverage/**']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		linterOptions: {reportUnusedDisableDirectives: 'error'},
		languageOptions: {globals: globals.node},
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'},
			],
			// A terminal program matches escape sequences and control characters on purpose (the
			// sanitiser, the frame writer, text styles); every hit of this rule was one of those.
			'no-control-regex': 'off',
		},
	},
	{
		// Hooks exist only in the Ink layer; elsewhere a `use...` name is an ordinary function.
		files: ['src/ui/**', '**/*.tsx'],
		...reactHooks.configs.flat.recommended,
	},
	{
		// Tests read JSON output into loose shapes.
		files: ['tests/**', 'scripts/**'],
		rules: {'@typescript-eslint/no-explicit-any': 'off'},
	},
);
