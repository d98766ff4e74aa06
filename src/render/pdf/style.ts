/** The PDF reads the shared house style (src/render/house-style.ts). */
export * from '../house-style.js';
