import { Command, Option } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROLES, type Role, developmentSecretPath, issueDevelopmentToken } from '#ledger';

/**
 * Development tokens only: signed with LEDGER_AUTH_SECRET or the secret the
 * embedded ledger generated on its first start. Never mints a secret itself,
 * so it cannot be used against a deployment that trusts an identity provider.
 */
function developmentSecret(env: NodeJS.ProcessEnv): Uint8Array {
  if (env['LEDGER_JWKS_URL']) {
    throw new Error(
      'LEDGER_JWKS_URL is set: tokens come from the identity provider, not from this command',
    );
  }
  const configured = env['LEDGER_AUTH_SECRET'];
  if (configured) return new TextEncoder().encode(configured);
  const file = developmentSecretPath(resolve(env['LEDGER_DATA_DIR'] || '.ledger'));
  if (!existsSync(file)) {
    throw new Error(
      `no development secret: set LEDGER_AUTH_SECRET, or run \`npm start\` once so the embedded ledger creates ${file}`,
    );
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

export function tokenCommand(): Command {
  return new Command('token')
    .description('print a development bearer token')
    .addOption(
      new Option('--role <role>', 'adviser, manager, board or admin')
        .choices([...ROLES])
        .makeOptionMandatory(),
    )
    .option('--patch <entries>', 'adviser patch: regions and/or GSS codes, comma-separated', '')
    .option('--sub <subject>', 'token subject, recorded as recordedBy', 'dev-user')
    .option('--ttl <duration>', 'lifetime, e.g. 12h or 30m', '12h')
    .action(async (options: { role: Role; patch: string; sub: string; ttl: string }) => {
      const patch = options.patch
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      if (options.role === 'adviser' && patch.length === 0)
        throw new Error('an adviser token needs --patch');
      const token = await issueDevelopmentToken(developmentSecret(process.env), {
        subject: options.sub,
        role: options.role,
        patch,
        expiresIn: options.ttl,
      });
      process.stdout.write(`${token}\n`);
    });
}
