// Types for chromium.cjs, which tsconfig (allowJs off) does not read itself.
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
