import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.ledger/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(skip|only)$/][callee.object.name=/^(it|test|describe)$/]',
          message:
            'No skipped or focused tests on main: a suite that cannot run must say why in its output.',
        },
      ],
    },
  },
  {
    files: ['libs/ledger/**/*.ts', 'apps/**/*.ts'],
    // Nest's injector reads constructor parameter types at run time; an inline
    // `type` import there would erase the class it needs.
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
