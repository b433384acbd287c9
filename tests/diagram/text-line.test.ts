import {describe, expect, it} from 'vitest';
import {
	breakWord,
	cleanText,
	fitLine,
	lineWidth,
	textWidth,
	truncate,
	wrapLimited,
	wrapText,
} from '../../src/diagram/text-line.js';

describe('text measuring and fitting', () => {
	it('counts wide characters as two columns and combining marks as none', () => {
		expect(textWidth('abc')).toBe(3);
		expect(textWidth('界界')).toBe(4);
		expect(textWidth('e\u0301')).toBe(1);
	});

	it('truncates with an ellipsis in either charset', () => {
		expect(truncate('envoyproxy/envoy:latest', 10, 'unicode')).toBe('envoyprox…');
		expect(truncate('envoyproxy/envoy:latest', 10, 'ascii')).toBe('envoypr...');
		expect(truncate('short', 10, 'ascii')).toBe('short');
		expect(textWidth(truncate('界界界界界界', 5, 'unicode'))).toBeLessThanOrEqual(5);
	});

	it('breaks long words at / and : first, then - . _', () => {
		expect(breakWord('gcr.io/cloud-sql-connectors/cloud-sql-proxy:latest', 20)).toEqual([
			'gcr.io/cloud-sql-',
			'connectors/',
			'cloud-sql-proxy:',
			'latest',
		]);
		expect(breakWord('metrics-exporter:1.0.0', 20)).toEqual(['metrics-exporter:', '1.0.0']);
		expect(breakWord('aaaaaaaaaa', 4)).toEqual(['aaaa', 'aaaa', 'aa']);
	});

	it('wraps words and limits lines', () => {
		expect(wrapText('until nc -z db-service 5432', 12)).toEqual(['until nc -z', 'db-service', '5432']);
		expect(wrapLimited('until nc -z db-service 5432; do sleep 2; done', 12, 2, 'ascii')).toEqual([
			'until nc -z',
			'db-servic...',
		]);
	});

	it('cleans control characters, and non-ASCII in the ASCII charset', () => {
		expect(cleanText('a\tb\u001B[31mc\u200Bd', 'unicode')).toBe('a b [31mcd');
		expect(cleanText('café 界', 'ascii')).toBe('caf? ?');
	});

	it('fits a line of segments to a width, keeping roles', () => {
		const line = fitLine(
			[
				{text: 'port 8080/TCP', role: 'ns'},
				{text: ' CONFLICT', role: 'warn'},
			],
			15,
			'unicode',
		);
		expect(lineWidth(line)).toBe(15);
		expect(line.map((s) => s.text).join('')).toBe('port 8080/TCP …');
	});
});
