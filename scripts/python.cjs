'use strict';
// Which Python can run the token-endpoint test's Python endpoint: the one on PATH, else Debian's, each only with
// PyJWT and cryptography importable. CommonJS so that the test runner (which installs Debian's python3-jwt when
// neither has them) and the unit test both read it.
const { spawnSync } = require('node:child_process');

const PYTHON_CANDIDATES = ['python3', '/usr/bin/python3'];
const PYTHON_PACKAGES = ['python3-jwt', 'python3-cryptography'];

function pythonWithPyJwt() {
  return PYTHON_CANDIDATES.find(
    (python) => spawnSync(python, ['-c', 'import jwt, cryptography'], { stdio: 'ignore' }).status === 0,
  );
}

module.exports = { PYTHON_CANDIDATES, PYTHON_PACKAGES, pythonWithPyJwt };
