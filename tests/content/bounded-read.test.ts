import {execFileSync} from 'node:child_process';
import {mkdirSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {readFileBounded, readFileBoundedAsync, readStreamBounded} from '../../src/files/bounded-read.js';
import {useTempConfig} from '../progress/temp-config.js';

const temp = useTempConfig();

describe('readFileBounded', () => {
	it('reads a regular file up to its limit and refuses one byte more', async () => {
		const {dir} = temp();
		const file = path.join(dir, 'ten.txt');
		writeFileSync(file, '0123456789');
		expect(readFileBounded(file, {limit: 10})).toEqual({ok: true, text: '0123456789', owner: process.getuid?.()});
		expect(readFileBounded(file, {limit: 9})).toMatchObject({
			ok: false,
			problem: 'too-large',
			reason: expect.stringContaining('larger than 9 bytes'),
		});
		expect(await readFileBoundedAsync(file, {limit: 9})).toMatchObject({ok: false, problem: 'too-large'});
		expect(await readFileBoundedAsync(file, {limit: 10})).toEqual({
			ok: true,
			text: '0123456789',
			owner: process.getuid?.(),
		});
	});

	it('refuses a sparse 50 MB file without reading it, and files that are not regular by kind', async () => {
		const {dir} = temp();
		const big = path.join(dir, 'big');
		writeFileSync(big, '');
		truncateSync(big, 50 * 1024 * 1024);
		expect(readFileBounded(big, {limit: 1024 * 1024})).toMatchObject({problem: 'too-large'});
		const fifo = path.join(dir, 'fifo');
		execFileSync('mkfifo', [fifo]);
		// A FIFO with no writer: opened non-blocking, refused by fstat, never read (this would hang).
		expect(readFileBounded(fifo, {limit: 10})).toMatchObject({
			problem: 'not-regular',
			reason: 'it is a named pipe (FIFO), not a regular file',
		});
		expect(await readFileBoundedAsync(fifo, {limit: 10})).toMatchObject({problem: 'not-regular'});
		expect(readFileBounded('/dev/zero', {limit: 10})).toMatchObject({
			problem: 'not-regular',
			reason: 'it is a device, not a regular file',
		});
		expect(readFileBounded(dir, {limit: 10})).toMatchObject({problem: 'folder'});
		expect(readFileBounded(path.join(dir, 'none'), {limit: 10})).toMatchObject({
			problem: 'missing',
			code: 'ENOENT',
		});
		expect(readFileBounded(path.join(big, 'below'), {limit: 10})).toMatchObject({
			problem: 'missing',
			code: 'ENOTDIR',
		});
	});

	it('follows a symbolic link that stays inside `within` and refuses, naming the target, one that leaves', () => {
		const {dir} = temp();
		const pack = path.join(dir, 'pack');
		mkdirSync(path.join(pack, 'specs'), {recursive: true});
		writeFileSync(path.join(pack, 'specs', 'real.yaml'), 'kind: Pod\n');
		symlinkSync('specs/real.yaml', path.join(pack, 'inside.yaml'));
		symlinkSync('/etc/passwd', path.join(pack, 'outside.yaml'));
		expect(readFileBounded(path.join(pack, 'inside.yaml'), {limit: 100, within: pack})).toMatchObject({
			ok: true,
			text: 'kind: Pod\n',
		});
		expect(readFileBounded(path.join(pack, 'outside.yaml'), {limit: 100, within: pack})).toMatchObject({
			problem: 'outside',
			reason: expect.stringContaining('symbolic link to /etc/passwd, outside'),
		});
	});

	it('with noFollow refuses a symbolic link by name, even one that stays inside, and reads the file itself', async () => {
		const {dir} = temp();
		writeFileSync(path.join(dir, 'real.json'), '{}');
		symlinkSync('real.json', path.join(dir, 'link.json'));
		const link = path.join(dir, 'link.json');
		const refused = {ok: false, problem: 'link', reason: 'it is a symbolic link, not a file'};
		expect(readFileBounded(link, {limit: 100, noFollow: true})).toMatchObject(refused);
		expect(await readFileBoundedAsync(link, {limit: 100, noFollow: true})).toMatchObject(refused);
		expect(readFileBounded(link, {limit: 100})).toMatchObject({ok: true, text: '{}'});
		expect(readFileBounded(path.join(dir, 'real.json'), {limit: 100, noFollow: true})).toMatchObject({
			ok: true,
			text: '{}',
		});
	});
});

describe('readStreamBounded', () => {
	it('waits for a producer that pauses, and stops at the limit', async () => {
		const stream = new PassThrough();
		const reading = readStreamBounded(stream, 20);
		stream.write('apiVersion: ');
		await new Promise((resolve) => setImmediate(resolve));
		stream.end('v1\n');
		expect(await reading).toEqual({ok: true, text: 'apiVersion: v1\n'});
		const flood = new PassThrough();
		const refused = readStreamBounded(flood, 20);
		flood.write('x'.repeat(21));
		expect(await refused).toMatchObject({ok: false, problem: 'too-large'});
	});
});
