// Entry of the browser bundle of ajv used by bench.mjs (bundled with esbuild into target/wasm-bench).
export { default as Ajv2020 } from 'ajv/dist/2020.js';
export { default as addFormats } from 'ajv-formats';
