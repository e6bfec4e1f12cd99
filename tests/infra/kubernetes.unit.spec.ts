import { describe, expect, it } from '@jest/globals';
import { readText, readYaml } from './support/infra-files.js';
import { checkLedgerEnvironment, serverDeploymentProblems } from './support/ledger-env.js';
import {
  type Manifest,
  containerProblems,
  loadManifests,
  podProblems,
  schemaProblem,
  selectorProblems,
} from './support/kubernetes-checks.js';
import { containerEnvironment, deploymentNamed, firstContainer } from './support/kubernetes-env.js';

const loaded = loadManifests();
const manifests = loaded.map((l) => l.manifest);
const DEPLOYMENTS = ['ledger-api', 'ledger-projector'];

describe('infra/k8s', () => {
  it.each(
    loaded.map((l) => [`${l.file}: ${l.manifest.kind} ${l.manifest.metadata.name}`, l.manifest]),
  )('%s is valid against the Kubernetes API schema', (_name, manifest) => {
    expect(schemaProblem(manifest as Manifest)).toBeUndefined();
  });

  it('has the resources a deployment needs, all in the council-ledger namespace', () => {
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual([
      'ConfigMap/ledger-config',
      'Deployment/ledger-api',
      'Deployment/ledger-projector',
      'Namespace/council-ledger',
      'PodDisruptionBudget/ledger-api',
      'PodDisruptionBudget/ledger-projector',
      'Secret/ledger-secrets',
      'Service/ledger-api',
    ]);
    for (const m of manifests.filter((m) => m.kind !== 'Namespace'))
      expect(`${m.kind}/${m.metadata.name} in ${String(asNamespace(m))}`).toMatch(
        / in council-ledger$/,
      );
  });

  it('lists every manifest in kustomization.yaml', () => {
    const kustomization = readYaml('infra/k8s/kustomization.yaml')[0]!;
    const files = [...new Set(loaded.map((l) => l.file.replace('infra/k8s/', '')))].sort();
    expect([...(kustomization['resources'] as string[])].sort()).toEqual(files);
  });

  it('Services and PodDisruptionBudgets select the pods they mean, on ports that exist', () => {
    expect(selectorProblems(manifests)).toEqual([]);
  });

  it.each(DEPLOYMENTS)(
    '%s: two replicas, limits, probes that exist, non-root and read-only',
    (name) => {
      const deployment = deploymentNamed(manifests, name);
      const container = firstContainer(deployment);
      const { config } = checkLedgerEnvironment(name, containerEnvironment(manifests, container));
      expect(deployment.spec?.replicas).toBe(2);
      expect(podProblems(deployment, config?.shutdownTimeoutMs ?? Infinity)).toEqual([]);
      expect(containerProblems(deployment, container)).toEqual([]);
      // The image's `node` user (Dockerfile USER node) is uid 1000 in the node images.
      expect(deployment.spec?.template.spec?.securityContext?.runAsUser).toBe(1000);
    },
  );

  it.each(DEPLOYMENTS)('%s: its environment passes the ledger configuration loader', (name) => {
    const container = firstContainer(deploymentNamed(manifests, name));
    const { problems, config } = checkLedgerEnvironment(
      name,
      containerEnvironment(manifests, container),
    );
    expect(problems).toEqual([]);
    expect(serverDeploymentProblems(name, config!)).toEqual([]);
  });

  it('the API is probed on /health/live (startup, liveness) and /health/ready, and only reads', () => {
    const container = firstContainer(deploymentNamed(manifests, 'ledger-api'));
    expect(container.startupProbe?.httpGet?.path).toBe('/health/live');
    expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
    const env = containerEnvironment(manifests, container);
    expect(checkLedgerEnvironment('api', env).config?.runProjector).toBe(false);
    expect(container.args).toEqual(['node', 'dist/apps/api/src/main.js']);
  });

  it('the projector runs its entry point and is ready while Redis answers', () => {
    const container = firstContainer(deploymentNamed(manifests, 'ledger-projector'));
    expect(container.args).toEqual(['node', 'dist/apps/projector/src/main.js']);
    expect(container.readinessProbe?.exec?.command).toEqual([
      'node',
      'infra/probes/redis-ping.mjs',
    ]);
    expect(container.ports ?? []).toEqual([]);
  });

  it('the committed Secret is a template the ledger refuses until real values replace it', () => {
    const container = firstContainer(deploymentNamed(manifests, 'ledger-api'));
    const env = containerEnvironment(manifests, container, 'as-committed');
    const { problems } = checkLedgerEnvironment('api', env);
    expect(problems).toEqual([
      expect.stringMatching(/^api: LEDGER_AUTH_SECRET: must be at least 32 characters/),
      expect.stringMatching(/^api: LEDGER_PEOPLE_URL: expected postgres:/),
    ]);
    expect(readText('infra/k8s/secret.yaml')).toContain('TEMPLATE');
  });
});

describe('the Kubernetes checks catch broken manifests', () => {
  const copy = (): Manifest[] => structuredClone(manifests);

  it('the API schema refuses a port given as text', () => {
    const broken = copy();
    const container = firstContainer(deploymentNamed(broken, 'ledger-api'));
    (container.ports![0] as { containerPort: unknown }).containerPort = 'http';
    const deployment = broken.find(
      (m) => m.kind === 'Deployment' && m.metadata.name === 'ledger-api',
    )!;
    expect(schemaProblem(deployment)).toMatch(/containerPort must be integer/);
  });

  it('the rules name a stray selector, a missing limit, a probe path that is not a route and a short grace period', () => {
    const broken = copy();
    const service = broken.find((m) => m.kind === 'Service')!;
    (service['spec'] as { selector: Record<string, string> }).selector[
      'app.kubernetes.io/component'
    ] = 'apI';
    const deployment = deploymentNamed(broken, 'ledger-api');
    const container = firstContainer(deployment);
    delete container.resources!.limits!['memory'];
    container.livenessProbe!.httpGet!.path = '/healthz';
    deployment.spec!.template.spec!.terminationGracePeriodSeconds = 30;
    expect(selectorProblems(broken)).toEqual([
      "Service ledger-api: selects no Deployment's pods",
      'Service ledger-api: target port http is not declared',
    ]);
    expect(containerProblems(deployment, container)).toEqual([
      'ledger-api/api: no memory limits',
      'ledger-api/api: probes /healthz, not a route',
    ]);
    expect(podProblems(deployment, 25_000)).toEqual([
      'ledger-api: terminationGracePeriodSeconds must exceed preStop 5 s + shutdown 25 s',
    ]);
  });
});

function asNamespace(manifest: Manifest): unknown {
  return (manifest.metadata as { namespace?: string }).namespace;
}
