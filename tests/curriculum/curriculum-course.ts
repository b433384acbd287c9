/**
 * The bundled course as the curriculum tests see it: loaded once by the real loader (with the
 * exercise checks `pod-tutor validate` runs), plus the plan of issue 5 that the lessons must follow.
 */
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadCourse} from '../../src/content/course-loader.js';
import {markupToPlain} from '../../src/content/markup.js';
import type {CommandSpec, Course, Exercise, Lesson} from '../../src/content/types.js';
import {exerciseProblems} from '../../src/exercises/exercise-problems.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LESSON_DIR = join(REPO_ROOT, 'lessons');

export interface PlannedLesson {
	readonly number: number;
	readonly id: string;
	/** The tag steps and exercises use in `topics:`. */
	readonly topic: string;
}

/** Issue 5's table, with issue 11's QoS, health and node lessons: file NN-<id>.yaml, lesson id, topic tag. */
export const PLAN: readonly PlannedLesson[] = [
	{number: 1, id: 'container', topic: 'container'},
	{number: 2, id: 'namespaces', topic: 'namespaces'},
	{number: 3, id: 'pod', topic: 'pod'},
	{number: 4, id: 'pause', topic: 'pause'},
	{number: 5, id: 'networking', topic: 'networking'},
	{number: 6, id: 'storage', topic: 'storage'},
	{number: 7, id: 'patterns', topic: 'patterns'},
	{number: 8, id: 'init-containers', topic: 'init'},
	{number: 9, id: 'lifecycle', topic: 'lifecycle'},
	{number: 10, id: 'resources', topic: 'resources'},
	{number: 11, id: 'qos', topic: 'qos'},
	{number: 12, id: 'scaling', topic: 'scaling'},
	{number: 13, id: 'cri', topic: 'cri'},
	{number: 14, id: 'debugging', topic: 'debugging'},
	{number: 15, id: 'health', topic: 'health'},
	{number: 16, id: 'node', topic: 'node'},
	{number: 17, id: 'together', topic: 'together'},
];

/** What a CKAD/CKA course teaches that issue 11 found missing: each tag, and the lesson that teaches it. */
export const ADDED_TOPICS: ReadonlyArray<{readonly topic: string; readonly lesson: string}> = [
	{topic: 'probes', lesson: 'health'},
	{topic: 'crash-loop', lesson: 'health'},
	{topic: 'security-context', lesson: 'node'},
	{topic: 'static-pods', lesson: 'node'},
	{topic: 'host-network', lesson: 'node'},
	{topic: 'resize', lesson: 'qos'},
	{topic: 'docker-network', lesson: 'networking'},
];

let cached: Course | undefined;

export function curriculum(): Course {
	cached ??= loadCourse({lessonDirs: [LESSON_DIR], exerciseProblems});
	return cached;
}

export function lessonById(id: string): Lesson | undefined {
	return curriculum().lessons.find((l) => l.id === id);
}

export function exercisesOf(lesson: Lesson): Exercise[] {
	return [...curriculum().exercises.values()].filter((e) => e.lesson === lesson.id);
}

/** A piece of course text and where it stands, for messages that say which file to fix. */
export interface Claim {
	readonly where: string;
	readonly text: string;
}

const plain = (markup: string): string => markupToPlain(markup);

/**
 * Everything a lesson states as true: titles, text and code bodies, captions, command
 * explanations. Recorded command output is left out: it is what a tool printed, not a claim.
 */
export function lessonClaims(lesson: Lesson): Claim[] {
	const claims: Claim[] = [
		{where: `${lesson.file}: title`, text: lesson.title},
		{where: `${lesson.file}: summary`, text: lesson.summary},
	];
	lesson.steps.forEach((step, i) => {
		const at = `${lesson.file}: steps[${i}]`;
		if (step.title) claims.push({where: `${at}.title`, text: step.title});
		switch (step.kind) {
			case 'text':
				claims.push({where: `${at}.body`, text: plain(step.body)});
				break;
			case 'code':
				claims.push({where: `${at}.body`, text: step.body});
				if (step.caption) claims.push({where: `${at}.caption`, text: step.caption});
				break;
			case 'diagram':
				if (step.caption) claims.push({where: `${at}.caption`, text: step.caption});
				break;
			case 'command':
				if (step.explain) claims.push({where: `${at}.explain`, text: plain(step.explain)});
				break;
			case 'exercise':
				break;
		}
	});
	return claims;
}

/**
 * What an exercise states as true: prompt, hints, explanation and the reference answer. Listed
 * wrong answers, wrong choices and their feedback are left out on purpose: they exist to name
 * misconceptions, and the feedback often quotes one in order to correct it.
 */
export function exerciseClaims(ex: Exercise): Claim[] {
	const at = ex.file;
	const claims: Claim[] = [
		{where: `${at}: prompt`, text: plain(ex.prompt)},
		...ex.hints.map((h, i) => ({where: `${at}: hints[${i}]`, text: plain(h)})),
		{where: `${at}: explanation`, text: plain(ex.explanation)},
	];
	switch (ex.kind) {
		case 'single-choice':
		case 'predict':
			for (const c of ex.choices)
				if (c.id === ex.answer) claims.push({where: `${at}: choice ${c.id} (the answer)`, text: c.text});
			break;
		case 'multiple-choice':
			for (const c of ex.choices)
				if (ex.answer.includes(c.id))
					claims.push({where: `${at}: choice ${c.id} (in the answer)`, text: c.text});
			break;
		case 'free-text':
			claims.push({where: `${at}: answer`, text: ex.answer});
			break;
		case 'ordering':
			for (const item of ex.items) claims.push({where: `${at}: item ${item.id}`, text: item.text});
			break;
		case 'quantity':
		case 'manifest':
			break;
	}
	return claims;
}

export function allClaims(): Claim[] {
	const course = curriculum();
	return [...course.lessons.flatMap(lessonClaims), ...[...course.exercises.values()].flatMap(exerciseClaims)];
}

export function claimsOfLesson(id: string): Claim[] {
	const lesson = lessonById(id);
	if (!lesson) return [];
	return [...lessonClaims(lesson), ...exercisesOf(lesson).flatMap(exerciseClaims)];
}

/**
 * Splits text into sentences, lower-cased with white space collapsed, so a pattern and the
 * negation that guards it are looked for in the same sentence. Bullets and lines ending in a
 * colon count as sentence ends too.
 */
export function sentences(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/[*`]/g, '')
		.split(/(?<=[.!?;])\s+|\n\s*\n|\n(?=\s*(?:-|\d+\.)\s)/)
		.map((s) => s.replace(/\s+/g, ' ').trim())
		.filter((s) => s.length > 0);
}

/** A command the course shows, and where: a command step, or what a predict exercise observes. */
export interface ShownCommand {
	readonly where: string;
	readonly command: CommandSpec;
}

/** Every command the course shows: command steps and the commands predict exercises observe. */
export function shownCommands(): ShownCommand[] {
	const course = curriculum();
	const steps = course.lessons.flatMap((l) =>
		l.steps.flatMap((s, i) => (s.kind === 'command' ? [{where: `${l.file}: steps[${i}]`, command: s}] : [])),
	);
	const observed = [...course.exercises.values()].flatMap((e) =>
		e.kind === 'predict' ? [{where: `${e.file}: observe`, command: e.observe}] : [],
	);
	return [...steps, ...observed];
}
