// Resolves the workspace's @seleksi/* aliases in the compiled output under dist/.
const path = require('node:path');
const { register } = require('tsconfig-paths');

const libs = ['contracts', 'messaging', 'persistence', 'auth', 'testing'];
register({
  baseUrl: process.env.SELEKSI_DIST ?? path.resolve(__dirname, '..', 'dist'),
  paths: Object.fromEntries(libs.map((lib) => [`@seleksi/${lib}`, [`libs/${lib}/src/index.js`]])),
});
