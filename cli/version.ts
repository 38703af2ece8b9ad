/** The command line's version: the package's, read from package.json when the CLI is bundled (npm run build:cli). */
import { version } from '../package.json';

export const VERSION: string = version;
