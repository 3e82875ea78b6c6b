// Resolves the workspace's @seleksi/* aliases in the compiled output under dist/.
const path = require('node:path');
const { register } = require('tsconfig-paths');

const libs = ['contracts', 'messaging', 'persistence', 'auth', 'testing', 'time'];
register({
  baseUrl: process.env.SELEKSI_DIST ?? path.resolve(__dirname, '..', 'dist'),
  paths: Object.fromEntries(libs.map((lib) => [`@seleksi/${lib}`, [`libs/${lib}/src/index.js`]])),
});

// A build outside the repository (SELEKSI_DIST=/tmp/...) still resolves packages from its node_modules.
if (process.env.SELEKSI_DIST) {
  const Module = require('node:module');
  const modules = path.resolve(__dirname, '..', 'node_modules');
  process.env.NODE_PATH = [modules, process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
  Module._initPaths();
}
