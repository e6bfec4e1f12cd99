import type { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import type { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { Secret } from 'kubernetes-models/v1/Secret';
import { type Manifest, ofKind } from './kubernetes-checks.js';
import { DUMMY_SECRETS } from './ledger-env.js';

/**
 * The environment a container would start with: envFrom sources in order (a
 * later one wins), then `env`. Secret values are the committed placeholders, or
 * the dummies standing in for real ones when `secrets` is 'dummy'.
 */
export function containerEnvironment(
  manifests: readonly Manifest[],
  container: IContainer,
  secrets: 'dummy' | 'as-committed' = 'dummy',
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const map = ofKind<ConfigMap>(manifests, 'ConfigMap').find(
        (m) => m.metadata?.name === source.configMapRef!.name,
      );
      if (!map) throw new Error(`no ConfigMap ${source.configMapRef.name}`);
      Object.assign(env, map.data);
    }
    if (source.secretRef) {
      const secret = ofKind<Secret>(manifests, 'Secret').find(
        (s) => s.metadata?.name === source.secretRef!.name,
      );
      if (!secret) throw new Error(`no Secret ${source.secretRef.name}`);
      const decoded = Object.fromEntries(
        Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]),
      );
      for (const [key, value] of Object.entries({ ...decoded, ...secret.stringData })) {
        env[key] = secrets === 'dummy' ? (DUMMY_SECRETS[key] ?? value) : value;
      }
    }
  }
  for (const variable of container.env ?? []) {
    env[variable.name] = variable.value ?? `dummy-${variable.name.toLowerCase()}`;
  }
  return env;
}

export const deploymentNamed = (manifests: readonly Manifest[], name: string): Deployment => {
  const found = ofKind<Deployment>(manifests, 'Deployment').find((d) => d.metadata?.name === name);
  if (!found) throw new Error(`no Deployment ${name}`);
  return found;
};

export const firstContainer = (deployment: Deployment): IContainer =>
  deployment.spec!.template.spec!.containers[0]!;
