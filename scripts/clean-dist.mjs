// The build starts from an empty dist/, so that a module removed from src/ cannot linger
// in the package.
import { rmSync } from 'node:fs';
rmSync('dist', { recursive: true, force: true });
