// Validates every element template under element-templates/ against Camunda's template schema.
const fs = require('fs');
const path = require('path');
const { validateZeebe } = require('@bpmn-io/element-templates-validator');

const dir = path.join(__dirname, '..', 'element-templates');
let failed = false;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const { valid, errors } = validateZeebe(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  if (!valid) {
    failed = true;
    for (const error of errors) {
      console.error(`${file}: ${error.message} at ${error.dataPointer || '/'}`);
    }
  }
}
if (failed) {
  process.exit(1);
}
console.log('element templates valid');
