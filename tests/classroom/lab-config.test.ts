import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {expandNamespace, loadLabConfig, MAX_CONFIG_BYTES, SYSTEM_CONFIG_FILE} from '../../src/lab/lab-config.js';
import {labLiveMode, labNotice, withLabEnv, withLabLiveArgs} from '../../src/lab/lab-live.js';
import {effectiveSettings, labSettingsLines} from '../../src/lab/lab-report.js';
import {withSetting, writeUserSetting} from '../../src/lab/user-config-write.js';
import {parseLiveOptions} from '../../src/live/live-options.js';
import {runBuilt} from './built-cli.js';

let dir: string;
let configDir: string;
let system: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'pod-tutor-lab-'));
	configDir = join(dir, 'user');
	mkdirSync(configDir);
	system = join(dir, 'lab.yaml');
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

const load = () => loadLabConfig({env: {POD_TUTOR_LAB_CONFIG: system}, configDir});

describe('lab config: the system file under the user one', () => {
	it('uses the defaults and reads /etc/pod-tutor/config.yaml when POD_TUTOR_LAB_CONFIG is not set', async () => {
		const lab = await loadLabConfig({env: {}, configDir});
		expect(lab.files[0].file).toBe(SYSTEM_CONFIG_FILE);
		const none = await load();
		expect(none.settings).toEqual({live: 'lazy', lessons: [], plain: false});
		expect(none.problems).toEqual([]);
		expect(none.files.map((f) => f.found)).toEqual([false, false]);
	});

	it('lets the user file win over the system file, and says where each value came from', async () => {
		writeFileSync(
			system,
			[
				'# the lab',
				'live: on',
				'namespace: pod-tutor-{user}',
				'image: registry.lab:5000/busybox:1.36',
				'submit: /srv/submit',
				'lessons: [/opt/packs/a]',
				'',
			].join('\n'),
		);
		writeFileSync(join(configDir, 'config.yaml'), 'image: my-mirror/busybox:1.36\nplain: true\n');
		const lab = await load();
		expect(lab.problems).toEqual([]);
		expect(lab.settings).toMatchObject({
			live: 'on',
			namespace: 'pod-tutor-{user}',
			image: 'my-mirror/busybox:1.36',
			submit: '/srv/submit',
			lessons: ['/opt/packs/a'],
			plain: true,
		});
		expect(lab.sources.live.label).toBe(`${system}:2`);
		expect(lab.sources.submit.label).toBe(`${system}:5`);
		expect(lab.sources.image.label).toBe(`${join(configDir, 'config.yaml')}:1`);
		expect(lab.sources.context.label).toBe('default');
	});

	it('gives live mode the config as flags, a flag on the command line winning', async () => {
		writeFileSync(
			system,
			[
				'backend: kubectl',
				'namespace: pod-tutor-{user}',
				'context: lab',
				'image: mirror/busybox:1.36',
				'kubeconfig: /etc/pod-tutor/kubeconfig',
				'',
			].join('\n'),
		);
		const lab = await load();
		const args = withLabLiveArgs(['--image', 'mine:1'], lab, 'Ana.Lee');
		const parsed = parseLiveOptions(args);
		expect(parsed.ok && parsed.options).toMatchObject({
			backend: 'kubectl',
			namespace: 'pod-tutor-ana-lee',
			context: 'lab',
			image: 'mine:1',
		});
		expect(withLabEnv({}, lab).KUBECONFIG).toBe('/etc/pod-tutor/kubeconfig');
		expect(withLabEnv({KUBECONFIG: '/home/ana/.kube/config'}, lab).KUBECONFIG).toBe('/home/ana/.kube/config');
		const shown = effectiveSettings(lab, ['--image', 'mine:1'], {}, 'ana-lee');
		expect(shown.find((s) => s.name === 'image')).toEqual({name: 'image', value: 'mine:1', from: '--image'});
		expect(shown.find((s) => s.name === 'namespace')).toEqual({
			name: 'namespace',
			value: 'pod-tutor-ana-lee (pattern pod-tutor-{user})',
			from: `${system}:2`,
		});
	});

	it('makes a valid namespace from any user name', () => {
		expect(expandNamespace('pod-tutor-{user}', 'Ana.Lee')).toBe('pod-tutor-ana-lee');
		expect(expandNamespace('pod-tutor-{user}', '___')).toBe('pod-tutor-user');
		const long = expandNamespace('pod-tutor-{user}', 'x'.repeat(100));
		expect(long.length).toBeLessThanOrEqual(63);
		expect(long).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
	});
});

describe('lab config: mistakes are reported with file, field and line, and live mode goes off', () => {
	it('names the field and line of an unknown setting and of a bad value, and keeps the good ones', async () => {
		writeFileSync(system, 'live: on\nnamespace: Pod_Tutor\nbackend: docker\nimage: ok:1\nsubmitt: /srv\n');
		const lab = await load();
		expect(lab.problems).toEqual([
			expect.objectContaining({file: system, field: 'namespace', line: 2}),
			expect.objectContaining({file: system, field: 'backend', line: 3}),
			expect.objectContaining({
				file: system,
				field: 'submitt',
				line: 5,
				message: expect.stringContaining('unknown setting'),
			}),
		]);
		expect(lab.settings.image).toBe('ok:1');
		expect(lab.settings.namespace).toBeUndefined();
		expect(labLiveMode(lab)).toBe('off');
		expect(labNotice(lab)).toBe(
			`Config problem: ${system}:2: namespace: a namespace name (lower-case letters, digits, '-'), ` +
				`optionally with {user}, e.g. pod-tutor-{user}; not "Pod_Tutor"; the setting is ignored ` +
				'(and 2 more: pod-tutor doctor lists them). Live mode is off until it is fixed.',
		);
	});

	it('reports YAML that does not parse with its line, and uses none of that file', async () => {
		writeFileSync(system, 'live: on\nimage: x: y\nnamespace: z\n');
		const lab = await load();
		expect(lab.problems).toHaveLength(1);
		expect(lab.problems[0]).toMatchObject({file: system, message: expect.stringContaining('not valid YAML')});
		expect(lab.problems[0].line).toBe(2);
		expect(lab.settings.live).toBe('lazy');
	});

	it('refuses a file that is a list, a folder, or too big', async () => {
		writeFileSync(system, '- live: on\n');
		expect((await load()).problems[0].message).toContain('found a list');
		rmSync(system);
		mkdirSync(system);
		expect((await load()).problems[0].message).toContain('folder');
		rmSync(system, {recursive: true});
		writeFileSync(system, `image: x\n#${'x'.repeat(MAX_CONFIG_BYTES)}\n`);
		expect((await load()).problems[0].message).toContain('larger than 64 KiB');
	});

	it('cleans escape sequences out of what doctor prints', async () => {
		writeFileSync(system, 'image: "evil\\e]0;owned\\a:1"\n');
		const lab = await load();
		const lines = labSettingsLines(lab, [], {});
		expect(lines.join('\n')).not.toMatch(/[\u001B\u0007]/);
	});
});

describe('remembering a setting in the user config', () => {
	it('replaces the line or appends one, keeping comments', () => {
		expect(withSetting('# mine\nplain: false\nimage: x\n', 'plain', 'true')).toBe(
			'# mine\nplain: true\nimage: x\n',
		);
		expect(withSetting('image: x', 'plain', 'true')).toBe('image: x\nplain: true\n');
		expect(withSetting('', 'plain', 'true')).toBe('plain: true\n');
	});

	it('writes a 0600 file in a 0700 folder it creates, whatever the umask', async () => {
		const previous = process.umask(0);
		try {
			const file = join(dir, 'fresh', 'config.yaml');
			expect(writeUserSetting(file, 'plain', 'true')).toEqual({ok: true});
			const {statSync} = await import('node:fs');
			expect(statSync(join(dir, 'fresh')).mode & 0o777).toBe(0o700);
			expect(statSync(file).mode & 0o777).toBe(0o600);
		} finally {
			process.umask(previous);
		}
	});
});

describe('the built CLI with a lab config', () => {
	it('doctor shows every setting and its source; a broken config still lets the tutor start offline', async () => {
		writeFileSync(system, 'live: on\nnamespace: pod-tutor-{user}\nimage: busybox: 1.36\n');
		const env = {POD_TUTOR_LAB_CONFIG: system, POD_TUTOR_CONFIG_DIR: configDir};
		const doctor = await runBuilt(['doctor', '--backend', 'crictl'], env);
		expect(doctor.stdout).toContain('Settings (the system file, then yours');
		expect(doctor.stdout).toMatch(/live +off +\[off because of the config problems below\]/);
		expect(doctor.stdout).toContain(`${system}:3: not valid YAML`);
		expect(doctor.stderr).toBe('');
		const plain = await runBuilt(['--plain'], env, 'quit\n');
		expect(plain.code).toBe(0);
		expect(plain.stdout).toContain(`Config problem: ${system}:3`);
		expect(plain.stdout).toContain('Live mode is off until it is fixed.');
		expect(plain.stdout).toContain('1. What a container really is');
	});

	it('reads the extra lesson packs the config names', async () => {
		const pack = join(new URL('../../', import.meta.url).pathname, 'tests/fixtures/lessons-good');
		writeFileSync(system, `lessons: [${pack}, ${join(dir, 'gone')}]\n`);
		// doctor says which pack is not there; the tutor loads the others.
		const lessons = effectiveSettings(await load(), [], {}).find((s) => s.name === 'lessons');
		expect(lessons?.value).toBe(`${pack}, ${join(dir, 'gone')} (missing: not loaded)`);
		const list = await runBuilt(['list', '--json'], {
			POD_TUTOR_LAB_CONFIG: system,
			POD_TUTOR_CONFIG_DIR: configDir,
		});
		const without = await runBuilt(['list', '--json'], {
			POD_TUTOR_LAB_CONFIG: join(dir, 'none.yaml'),
			POD_TUTOR_CONFIG_DIR: configDir,
		});
		expect(list.code).toBe(0);
		expect(JSON.parse(list.stdout).lessons.length).toBeGreaterThan(JSON.parse(without.stdout).lessons.length);
	});
});
