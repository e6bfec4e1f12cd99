import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import { READ_ROUTES } from '../../fixtures/routes.js';
import { REPO, type JsonObject, listFiles, readYaml } from './infra-files.js';
import { imagePinned } from './compose-checks.js';

export type Manifest = JsonObject & {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
};

/** The kubernetes-models class for each kind infra/k8s uses; its validate() holds the API schema. */
const MODELS: Record<string, { validate(manifest: Manifest): void }> = {
  'v1/Namespace': { validate: (m) => new Namespace(m as never).validate() },
  'v1/ConfigMap': { validate: (m) => new ConfigMap(m as never).validate() },
  'v1/Secret': { validate: (m) => new Secret(m as never).validate() },
  'v1/Service': { validate: (m) => new Service(m as never).validate() },
  'apps/v1/Deployment': { validate: (m) => new Deployment(m as never).validate() },
  'policy/v1/PodDisruptionBudget': {
    validate: (m) => new PodDisruptionBudget(m as never).validate(),
  },
};

/** Every resource under infra/k8s (the kustomization is not a resource). */
export function loadManifests(): { file: string; manifest: Manifest }[] {
  return listFiles('infra/k8s')
    .filter((file) => file.endsWith('.yaml') && !file.endsWith('kustomization.yaml'))
    .flatMap((file) =>
      readYaml(file).map((manifest) => ({ file, manifest: manifest as Manifest })),
    );
}

/** The API schema's verdict: undefined when valid, else the validator's message. */
export function schemaProblem(manifest: Manifest): string | undefined {
  const model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (!model) return `${manifest.kind} ${manifest.apiVersion} has no model here`;
  try {
    model.validate(manifest);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export const ofKind = <T>(manifests: readonly Manifest[], kind: string): T[] =>
  manifests.filter((m) => m.kind === kind) as unknown as T[];

type Labels = Readonly<Record<string, string>> | undefined;

/** A selector matches a set of labels when each of its pairs is among them. */
export const selects = (selector: Labels, labels: Labels): boolean =>
  selector !== undefined &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([key, value]) => labels?.[key] === value);

function probeProblems(where: string, container: IContainer, probe: IProbe | undefined): string[] {
  if (probe === undefined) return [];
  const problems: string[] = [];
  const routes: readonly string[] = READ_ROUTES;
  const http = probe.httpGet;
  if (http) {
    if (!routes.includes(http.path ?? ''))
      problems.push(`${where}: probes ${http.path}, not a route`);
    const ports = container.ports ?? [];
    if (!ports.some((p) => p.name === http.port || p.containerPort === http.port))
      problems.push(`${where}: probes port ${http.port}, which the container does not declare`);
  }
  for (const arg of probe.exec?.command ?? []) {
    if (arg.startsWith('infra/') && !existsSync(join(REPO, arg)))
      problems.push(`${where}: runs ${arg}, which does not exist`);
  }
  return problems;
}

/** What every ledger container must have: pinned image, limits, probes that exist, lockdown. */
export function containerProblems(deployment: Deployment, container: IContainer): string[] {
  const where = `${deployment.metadata?.name}/${container.name}`;
  const problems: string[] = [];
  if (!imagePinned(container.image ?? '')) problems.push(`${where}: image is not pinned by tag`);
  for (const kind of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory']) {
      if (container.resources?.[kind]?.[resource] === undefined)
        problems.push(`${where}: no ${resource} ${kind}`);
    }
  }
  for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe])
    problems.push(...probeProblems(where, container, probe));
  if (container.readinessProbe === undefined) problems.push(`${where}: no readiness probe`);
  const security = container.securityContext;
  if (security?.readOnlyRootFilesystem !== true)
    problems.push(`${where}: root filesystem is writable`);
  if (security?.allowPrivilegeEscalation !== false)
    problems.push(`${where}: privilege escalation is allowed`);
  if (!security?.capabilities?.drop?.includes('ALL'))
    problems.push(`${where}: capabilities are not dropped`);
  const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
  const volume = deployment.spec?.template.spec?.volumes?.find((v) => v.name === tmp?.name);
  if (volume?.emptyDir === undefined) problems.push(`${where}: /tmp is not an emptyDir`);
  return problems;
}

/** Pod-level rules: selector matches the template, non-root, grace period covers shutdown. */
export function podProblems(deployment: Deployment, shutdownTimeoutMs: number): string[] {
  const where = deployment.metadata?.name ?? '?';
  const problems: string[] = [];
  const pod = deployment.spec?.template;
  if (!selects(deployment.spec?.selector.matchLabels, pod?.metadata?.labels))
    problems.push(`${where}: selector does not match the pod template's labels`);
  const security = pod?.spec?.securityContext;
  if (security?.runAsNonRoot !== true || !security.runAsUser)
    problems.push(`${where}: pods may run as root`);
  for (const container of pod?.spec?.containers ?? []) {
    const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
    const sleep = preStop[0] === 'sleep' ? Number(preStop[1]) : 0;
    const needed = sleep + shutdownTimeoutMs / 1000;
    if ((pod?.spec?.terminationGracePeriodSeconds ?? 30) <= needed)
      problems.push(
        `${where}: terminationGracePeriodSeconds must exceed preStop ${sleep} s + shutdown ${needed - sleep} s`,
      );
  }
  return problems;
}

/** Services and PDBs must select the pods of some Deployment, and a Service's target port exist. */
export function selectorProblems(manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const pods = ofKind<Deployment>(manifests, 'Deployment').map((d) => d.spec!.template);
  for (const service of ofKind<Service>(manifests, 'Service')) {
    const targets = pods.filter((pod) => selects(service.spec?.selector, pod.metadata?.labels));
    if (targets.length === 0)
      problems.push(`Service ${service.metadata?.name}: selects no Deployment's pods`);
    for (const port of service.spec?.ports ?? []) {
      const declared = targets.some((pod) =>
        pod.spec?.containers.some((c) =>
          (c.ports ?? []).some(
            (p) => p.name === port.targetPort || p.containerPort === port.targetPort,
          ),
        ),
      );
      if (!declared)
        problems.push(
          `Service ${service.metadata?.name}: target port ${port.targetPort} is not declared`,
        );
    }
  }
  for (const pdb of ofKind<PodDisruptionBudget>(manifests, 'PodDisruptionBudget')) {
    if (!pods.some((pod) => selects(pdb.spec?.selector?.matchLabels, pod.metadata?.labels)))
      problems.push(`PodDisruptionBudget ${pdb.metadata?.name}: selects no Deployment's pods`);
  }
  return problems;
}
