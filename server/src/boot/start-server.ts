// dist/server.js, what editors start: the language server's bundle (dist/language-server.js,
// built from main.ts), compiled from V8's code cache of an earlier start when there is one.
import { join } from 'node:path';
import { codeCacheFolder, runBundle } from './code-cache';

runBundle(join(__dirname, 'language-server.js'), codeCacheFolder());
