// The deployment recipes in the repository (Dockerfile, compose.yaml, deploy/): images can't be
// built here, so each is parsed and held to what docs/operating.md says about it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../src/config';

const read = (path: string) => readFileSync(path, 'utf8');

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function dockerInstructions(text: string): { keyword: string; args: string }[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** A systemd unit's sections and keys. */
function unit(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header?.[1]) {
      current = sections[header[1]] = {};
      continue;
    }
    const pair = /^(\w+)=(.*)$/.exec(line);
    if (!pair?.[1] || !current) throw new Error(`not a systemd line: ${line}`);
    current[pair[1]] = pair[2] ?? '';
  }
  return sections;
}

describe('the deployment recipes', () => {
  it('the Dockerfile builds from the npm registry, runs as a user, checks readiness and starts Node itself', () => {
    const instructions = dockerInstructions(read('Dockerfile'));
    const known = new Set(['FROM', 'RUN', 'WORKDIR', 'COPY', 'ENV', 'VOLUME', 'USER', 'EXPOSE', 'HEALTHCHECK', 'CMD', 'ARG', 'LABEL']);
    for (const { keyword } of instructions) expect(known.has(keyword), keyword).toBe(true);
    expect(instructions[0]?.keyword).toBe('FROM');
    expect(instructions.map((i) => i.args).join('\n')).not.toMatch(/\b(curl|wget)\b/);
    expect(instructions.some((i) => i.keyword === 'RUN' && i.args.includes('npm ci --omit=dev'))).toBe(true);
    for (const copy of instructions.filter((i) => i.keyword === 'COPY')) {
      for (const source of copy.args.split(/\s+/).slice(0, -1)) expect(existsSync(source), `COPY ${source}`).toBe(true);
    }
    expect(instructions.find((i) => i.keyword === 'USER')?.args).toBe('node');
    expect(instructions.find((i) => i.keyword === 'HEALTHCHECK')?.args).toContain('/ready');
    expect(JSON.parse(instructions.find((i) => i.keyword === 'CMD')?.args ?? '[]')).toEqual(['node', 'bin/waymark.js', 'serve']);
  });

  it('compose.yaml runs Waymark on PostgreSQL with settings Waymark accepts in production', () => {
    const compose = parse(read('compose.yaml')) as { services: Record<string, { environment?: Record<string, string>; depends_on?: unknown; build?: string }> };
    expect(Object.keys(compose.services).sort()).toEqual(['db', 'web']);
    const web = compose.services.web;
    expect(web?.build).toBe('.');
    const examples: Record<string, string> = {
      BASE_URL: 'https://waymark.example.org',
      SMTP_URL: 'smtp://mail.example.org:587',
      POSTGRES_PASSWORD: 'secret',
      SIGNING_KEYS_SECRET: 'an-example-secret-of-at-least-32-characters',
    };
    const env = Object.fromEntries(
      Object.entries(web?.environment ?? {}).map(([key, value]) => [
        key,
        String(value)
          // compose's own ${NAME} substitution, with the values a .env file would give
          .replace(/\$\{(\w+)(:\?[^}]*)?\}/g, (_whole, name: string) => examples[name] ?? ''),
      ]),
    );
    const config = loadConfig({ NODE_ENV: 'production', ...env });
    expect(config.DATABASE_URL).toBe('postgres://waymark:secret@db:5432/waymark');
    expect(config.TRUST_PROXY).toBe(1);
  });

  it('the systemd units start Node itself (so SIGTERM reaches Waymark) and give it time to stop', () => {
    for (const [file, command] of [
      ['deploy/waymark.service', 'serve'],
      ['deploy/waymark-worker.service', 'worker'],
    ] as const) {
      const sections = unit(read(file));
      expect(Object.keys(sections).sort(), file).toEqual(['Install', 'Service', 'Unit']);
      expect(sections.Service?.ExecStart, file).toBe(`/usr/bin/node bin/waymark.js ${command}`);
      expect(sections.Service?.Restart, file).toBe('on-failure');
      expect(Number.parseInt(sections.Service?.TimeoutStopSec ?? '0', 10), file).toBeGreaterThanOrEqual(15);
      expect(sections.Service?.User, file).toBe('waymark');
    }
  });

  it('the nginx and Caddy examples pass the forwarded address Waymark reads with TRUST_PROXY=1', () => {
    const nginx = read('deploy/nginx.conf').replace(/#.*$/gm, '');
    expect(nginx.split('{').length).toBe(nginx.split('}').length);
    expect(nginx).toContain('proxy_pass http://127.0.0.1:3000;');
    expect(nginx).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(nginx).toContain('proxy_set_header Host $host;');
    expect(nginx).toContain('return 301 https://');
    const caddy = read('deploy/Caddyfile').replace(/#.*$/gm, '');
    expect(caddy.split('{').length).toBe(caddy.split('}').length);
    expect(caddy).toContain('reverse_proxy 127.0.0.1:3000');
  });
});
