// Types for the test that checks the layer table (the config itself is plain JavaScript).
export declare const LAYERS: Record<string, readonly string[]>;
declare const config: unknown;
export default config;
