import { packageVersion } from '../core/package-root.js';

/** The package version, read once from package.json. */
export const toolVersion = (): string => packageVersion();
