// Types for python.cjs, which tsconfig (allowJs off) does not read itself.
export declare const PYTHON_CANDIDATES: string[];
export declare const PYTHON_PACKAGES: string[];
export declare function pythonWithPyJwt(): string | undefined;
