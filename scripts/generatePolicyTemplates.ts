/** `npm run policies:generate`: writes the ADMX/ADML and the .mobileconfig to build/policies/. */
import fs from 'node:fs';
import path from 'node:path';
import { policyTemplates } from './policyTemplates';

const out = path.resolve(import.meta.dirname, '..', 'build', 'policies');
for (const [file, content] of Object.entries(policyTemplates())) {
  fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  fs.writeFileSync(path.join(out, file), content);
  console.log(`build/policies/${file}`);
}
