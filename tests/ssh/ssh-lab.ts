/**
 * A lab machine in miniature: our own sshd on 127.0.0.1 and a spare port, host keys in a temp
 * folder, a throwaway student account that logs in with a key, and the built tutor installed
 * where that student can run it. Needs root (useradd, sshd); everything it makes it removes.
 */
import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {repoRoot} from '../classroom/built-cli.js';

export interface SshLab {
	readonly dir: string;
	readonly user: string;
	readonly uid: number;
	readonly home: string;
	readonly port: number;
	/** The installed tutor's entry, readable by the student. */
	readonly bin: string;
	/** The lab config every session uses (POD_TUTOR_LAB_CONFIG). */
	readonly labConfig: string;
	/** argv of `ssh -tt` to the student's account running `remote`, with `env` sent as SendEnv. */
	sshArgv(remote: readonly string[], sendEnv: readonly string[]): string[];
	stop(): void;
}

function sparePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
			);
		});
	});
}

/** Resolves once sshd accepts connections (its banner), or rejects with what it printed. */
function waitForSshd(port: number, sshd: ChildProcess, log: () => string): Promise<void> {
	return new Promise((resolve, reject) => {
		const deadline = Date.now() + 10_000;
		const attempt = () => {
			if (sshd.exitCode !== null) return reject(new Error(`sshd exited: ${log()}`));
			const probe = spawn('ssh-keyscan', ['-p', String(port), '127.0.0.1'], {
				stdio: ['ignore', 'pipe', 'ignore'],
			});
			let out = '';
			probe.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
			probe.on('close', () => {
				if (out.includes('ssh-')) return resolve();
				if (Date.now() > deadline) return reject(new Error(`sshd did not answer on ${port}: ${log()}`));
				setTimeout(attempt, 100);
			});
		};
		attempt();
	});
}

export async function startSshLab(): Promise<SshLab> {
	const dir = mkdtempSync('/tmp/pod-tutor-ssh-');
	chmodSync(dir, 0o755);
	const user = `ptstudent${process.pid % 100000}`;
	execFileSync('useradd', ['-m', '-s', '/bin/sh', user]);
	// A key-only account: '*' is no password, but (unlike useradd's '!') not a locked account.
	execFileSync('usermod', ['-p', '*', user]);
	const uid = Number(execFileSync('id', ['-u', user], {encoding: 'utf8'}).trim());
	const home = execFileSync('sh', ['-c', `getent passwd ${user} | cut -d: -f6`], {encoding: 'utf8'}).trim();

	execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
	execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'client_key')]);
	const sshDir = join(home, '.ssh');
	mkdirSync(sshDir, {recursive: true});
	cpSync(join(dir, 'client_key.pub'), join(sshDir, 'authorized_keys'));
	chownSync(sshDir, uid, uid);
	chownSync(join(sshDir, 'authorized_keys'), uid, uid);
	chmodSync(sshDir, 0o700);
	chmodSync(join(sshDir, 'authorized_keys'), 0o600);

	// The tutor as a lab installs it: the package's files, read-only for students.
	const app = join(dir, 'app');
	for (const part of ['bin', 'dist', 'lessons', 'exercises', 'schema', 'package.json'])
		cpSync(join(repoRoot, part), join(app, part), {recursive: true});
	execFileSync('chmod', ['-R', 'a+rX', app]);
	const labConfig = join(dir, 'lab.yaml');
	// No container tool for the student: a lab that does not offer live mode says so.
	writeFileSync(labConfig, 'live: off\n');
	chmodSync(labConfig, 0o644);

	const port = await sparePort();
	const config = join(dir, 'sshd_config');
	writeFileSync(
		config,
		[
			`Port ${port}`,
			'ListenAddress 127.0.0.1',
			`HostKey ${join(dir, 'host_key')}`,
			`PidFile ${join(dir, 'sshd.pid')}`,
			'AuthorizedKeysFile .ssh/authorized_keys',
			'PasswordAuthentication no',
			'KbdInteractiveAuthentication no',
			'UsePAM no',
			`AllowUsers ${user}`,
			'AcceptEnv LANG LC_* NO_COLOR POD_TUTOR_LAB_CONFIG',
			'PrintMotd no',
			'PrintLastLog no',
			'',
		].join('\n'),
	);
	if (!existsSync('/run/sshd')) mkdirSync('/run/sshd', {recursive: true, mode: 0o755});
	let log = '';
	const sshd = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], {stdio: ['ignore', 'ignore', 'pipe']});
	sshd.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	await waitForSshd(port, sshd, () => log);

	return {
		dir,
		user,
		uid,
		home,
		port,
		bin: join(app, 'bin/pod-tutor.js'),
		labConfig,
		sshArgv: (remote, sendEnv) => [
			'ssh',
			'-tt',
			'-p',
			String(port),
			'-i',
			join(dir, 'client_key'),
			'-o',
			'StrictHostKeyChecking=no',
			'-o',
			`UserKnownHostsFile=${join(dir, 'known_hosts')}`,
			'-o',
			'LogLevel=ERROR',
			...sendEnv.flatMap((name) => ['-o', `SendEnv=${name}`]),
			`${user}@127.0.0.1`,
			...remote,
		],
		stop: () => {
			// Our sshd only, by its PID; then the student's account and everything we made.
			if (sshd.pid !== undefined && sshd.exitCode === null) process.kill(sshd.pid, 'SIGTERM');
			// A test that failed may leave the student's tutor running: end those, one PID at a time.
			for (const line of processesOf(user)) {
				try {
					process.kill(Number(line.split(' ')[0]), 'SIGKILL');
				} catch {
					// Gone meanwhile.
				}
			}
			try {
				execFileSync('userdel', ['-r', user], {stdio: 'ignore'});
			} catch {
				// Already gone.
			}
			rmSync(dir, {recursive: true, force: true});
		},
	};
}

/** The student's processes now (`ps -u`), excluding none: the tests expect an empty list after quitting. */
export function processesOf(user: string): string[] {
	try {
		return execFileSync('ps', ['-u', user, '-o', 'pid=,args='], {encoding: 'utf8'})
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean);
	} catch {
		// ps exits 1 when the user has no process.
		return [];
	}
}
