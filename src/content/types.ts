/**
 * The lesson and exercise format, as the loader hands it to the rest of the program.
 * docs/LESSON-FORMAT.md is the author-facing description; schema/*.schema.json the editor one.
 * Keep the three in step (tests/content/schema.test.ts compares the kind lists).
 */

export const STEP_KINDS = ['text', 'code', 'diagram', 'exercise', 'command'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const EXERCISE_KINDS = [
	'single-choice',
	'multiple-choice',
	'free-text',
	'quantity',
	'ordering',
	'manifest',
	'predict',
] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

export const LIVE_TOOLS = ['kubectl', 'crictl', 'podman'] as const;
export type LiveTool = (typeof LIVE_TOOLS)[number];

/** Placeholders a command argument may contain; nothing else is ever substituted. */
export const COMMAND_PLACEHOLDERS = ['pod', 'namespace', 'container', 'image'] as const;
export type CommandPlaceholder = (typeof COMMAND_PLACEHOLDERS)[number];

interface StepBase {
	/** Optional heading shown above the step. */
	readonly title?: string;
	/** Curriculum topics this step teaches (used by the coverage test). */
	readonly topics?: readonly string[];
}

export interface TextStep extends StepBase {
	readonly kind: 'text';
	/** Light markup: paragraphs, **bold**, `code`, "- " bullets, "1. " numbered items. */
	readonly body: string;
}

export interface CodeStep extends StepBase {
	readonly kind: 'code';
	readonly lang: 'yaml' | 'shell' | 'text';
	/** Shown verbatim. */
	readonly body: string;
	readonly caption?: string;
}

export type DiagramView = 'pod' | 'docker' | 'compose';

export interface DiagramStep extends StepBase {
	readonly kind: 'diagram';
	/** pod (default): the Pod with its sandbox; docker: each container alone; compose: the Pod beside Docker Compose. */
	readonly view: DiagramView;
	/** A YAML file relative to the lesson file's folder (e.g. specs/web-app.yaml) ... */
	readonly file?: string;
	/** ... or an inline manifest (Pod, or a workload with a pod template). Exactly one of file/spec. */
	readonly spec?: Record<string, unknown>;
	readonly caption?: string;
}

export interface ExerciseStep extends StepBase {
	readonly kind: 'exercise';
	/** Id of an exercise in exercises/<lesson-id>/. */
	readonly exercise: string;
}

/** What a command printed when it was recorded; shown offline, labelled as recorded. */
export interface RecordedOutput {
	readonly output: string;
	readonly exitCode: number;
	/** What the `compare` measurement printed in the same recorded run. */
	readonly compared?: string;
	/**
	 * `real`: printed by the tool on a real system (tests/fixtures/curriculum holds the captures);
	 * `sample`: an illustration in the tool's format, not recorded (kubectl: no cluster here).
	 * The tutor labels the output by it; left out (a pack that does not say), the label claims neither.
	 */
	readonly from?: RecordedSource;
}

export const RECORDED_SOURCES = ['real', 'sample'] as const;
export type RecordedSource = (typeof RECORDED_SOURCES)[number];

/** What a recorded output is called where it is shown: recorded from a real system, or a sample. */
export function recordedName(recorded: RecordedOutput): string {
	return recorded.from === 'sample' ? 'sample output' : 'recorded output';
}

/** Where it comes from, for its label: "what podman printed on a real system". */
export function recordedOrigin(tool: string, recorded: RecordedOutput): string {
	if (recorded.from === 'real') return `what ${tool} printed on a real system`;
	if (recorded.from === 'sample') return `an illustration in ${tool}'s format, not recorded from a real system`;
	return `what ${tool} printed when it was recorded`;
}

/**
 * A rule for the line that shows one choice: a regular expression; `{count, of}`, exactly N
 * lines match; `{same: REGEX}` / `{differs: REGEX}`, the first matching line of the output and of
 * the comparison measured just before (`compare`) are the same, or differ. With a capture group
 * only the group is compared (the IP of a line), else the whole match.
 */
export type DecideRule =
	string | {readonly count: number; readonly of: string} | {readonly same: string} | {readonly differs: string};

/**
 * A measurement the tutor makes just before the command, in the same run, for `same` / `differs`
 * rules to compare with (app's pid link, for the one printed in log-shipper).
 */
export interface Comparison {
	/** The same tool's arguments; same placeholders as the command's. */
	readonly args: readonly string[];
	/** What it measures, in the verdict: "app" in "which app printed just before". */
	readonly label: string;
}

/** How a command's output shows what its step is about (see docs/LIVE-MODE.md). */
export interface OutputReading {
	/** A command step: a regular expression for the line that shows what the step is about. */
	readonly expect?: string;
	/**
	 * A predict exercise: for each choice id, a regular expression for the line that shows it, or
	 * `{count: N, of: REGEX}`: exactly N lines match (how many rows, how many Pods).
	 */
	readonly decide?: Readonly<Record<string, DecideRule>>;
	/** A predict exercise: measured first, for `same` / `differs` rules. */
	readonly compare?: Comparison;
}

/** The same observation made with podman, when the step's own tool is not there. */
export interface PodmanAlternative extends OutputReading {
	readonly args: readonly string[];
	/** What differs from a cluster and why (podman 4's infra runs catatonit, not /pause). */
	readonly note?: string;
}

export interface CommandSpec extends OutputReading {
	readonly tool: LiveTool;
	/** Argument array; never a shell string. May contain {pod} {namespace} {container} {image}. */
	readonly args: readonly string[];
	readonly recorded: RecordedOutput;
	/** The Pod (lessons/specs/scenarios/NAME.yaml) the command runs against; {pod} is its name. */
	readonly scenario?: string;
	readonly podman?: PodmanAlternative;
}

export interface CommandStep extends StepBase, CommandSpec {
	readonly kind: 'command';
	/** Markup shown under the command: what to look for in the output. */
	readonly explain?: string;
}

export type Step = TextStep | CodeStep | DiagramStep | ExerciseStep | CommandStep;

export interface Lesson {
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	/** Documentation URLs the lesson's facts come from. */
	readonly sources: readonly string[];
	readonly steps: readonly Step[];
	/** Absolute path of the lesson file. */
	readonly file: string;
	/** Absolute folder the lesson's exercises live in (exercises/<lesson-id>). */
	readonly exerciseDir: string;
}

export interface Choice {
	readonly id: string;
	readonly text: string;
}

export interface WrongAnswer<A> {
	/** A wrong answer, in the same shape as the exercise's `answer`. */
	readonly answer: A;
	/** More phrasings of the same mistake (free-text only): each matches like `answer`. */
	readonly match?: readonly string[];
	/** Targeted feedback: what this particular mistake gets wrong. */
	readonly feedback: string;
}

export interface ExerciseExamples {
	readonly right: readonly string[];
	readonly wrong: readonly string[];
}

interface ExerciseBase<K extends ExerciseKind, A> {
	readonly id: string;
	readonly kind: K;
	/** The lesson the exercise belongs to (its folder name). */
	readonly lesson: string;
	readonly prompt: string;
	/** Ordered hints; at least one. */
	readonly hints: readonly string[];
	/** Shown after answering, right or wrong. */
	readonly explanation: string;
	/** The reference answer. */
	readonly answer: A;
	/** Listed wrong answers with targeted feedback; at least two. */
	readonly wrong: readonly WrongAnswer<A>[];
	readonly topics?: readonly string[];
	/**
	 * Answers as a learner would type them for `pod-tutor check ID ANSWER` (manifests: paths of
	 * files relative to the exercise file), which `validate` runs through the checker.
	 */
	readonly examples?: ExerciseExamples;
	/** Absolute path of the exercise file. */
	readonly file: string;
}

export interface SingleChoiceExercise extends ExerciseBase<'single-choice', string> {
	readonly choices: readonly Choice[];
}

export interface MultipleChoiceExercise extends ExerciseBase<'multiple-choice', readonly string[]> {
	readonly choices: readonly Choice[];
}

export interface KeyPoint {
	readonly name: string;
	/** Any of these phrases (normalised) present in the answer counts as the point made. */
	readonly any: readonly string[];
	/** Phrases that state the opposite of this point: the answer is wrong if it asserts one. */
	readonly contradicts?: readonly string[];
}

/** A free-text answer that is a set of things, "exactly these items, in any order". */
export interface ListAnswer {
	/** Each item, as the names a learner may use for it; the first name is the one shown. */
	readonly items: readonly (readonly string[])[];
	/** Items a learner may wrongly name, with a note saying why each does not belong. */
	readonly others: readonly {readonly any: readonly string[]; readonly note: string}[];
}

export interface FreeTextExercise extends ExerciseBase<'free-text', string> {
	/** More accepted answers besides `answer`. */
	readonly accept: readonly string[];
	/** Groups of words treated as the same word when comparing (e.g. [pause, infra, sandbox]). */
	readonly synonyms: readonly (readonly string[])[];
	/** When present, the answer is correct when every key point is made (long answers). */
	readonly keyPoints?: readonly KeyPoint[];
	/** Phrases that make any answer wrong, key points or not ("each container has its own IP"). */
	readonly contradicts?: readonly string[];
	/** words (default): text; command: a command line, flags in any order and long or short. */
	readonly compare?: 'words' | 'command';
	/** When present, the answer is a list of these items in any order. */
	readonly list?: ListAnswer;
}

export type QuantityResource = 'cpu' | 'memory' | 'plain' | 'duration';

export interface QuantityExercise extends ExerciseBase<'quantity', string> {
	readonly resource: QuantityResource;
}

export interface OrderingExercise extends ExerciseBase<'ordering', readonly string[]> {
	/** Shown in this order; `answer` lists the ids in the right order. */
	readonly items: readonly Choice[];
}

/** One rule of a manifest exercise. `rule` names the check; the other keys are its parameters. */
export interface ManifestRule {
	readonly rule: string;
	/** Replaces the rule's own message when it fails. */
	readonly feedback?: string;
	readonly [param: string]: unknown;
}

export interface ManifestExercise extends ExerciseBase<'manifest', string> {
	/** Prefilled into the editor. */
	readonly template: string;
	readonly rules: readonly ManifestRule[];
	/** When a backend is there: the Pod the learner creates, checked on the real object too. */
	readonly live?: {readonly pod: string};
}

export interface PredictExercise extends ExerciseBase<'predict', string> {
	readonly choices: readonly Choice[];
	/** The command whose output reveals the answer; recorded output is shown offline. */
	readonly observe: CommandSpec;
}

export type Exercise =
	| SingleChoiceExercise
	| MultipleChoiceExercise
	| FreeTextExercise
	| QuantityExercise
	| OrderingExercise
	| ManifestExercise
	| PredictExercise;

/** A problem found while loading: file, field path and line where known. */
export interface Problem {
	readonly file: string;
	/** Field path such as steps[4].exercise; empty for the whole file. */
	readonly path: string;
	/** 1-based line, when known. */
	readonly line?: number;
	readonly message: string;
}

export interface BrokenLesson {
	readonly id?: string;
	readonly file: string;
	readonly problems: readonly Problem[];
}

export interface Course {
	readonly lessons: readonly Lesson[];
	readonly broken: readonly BrokenLesson[];
	/** Every exercise of every loaded lesson, by id. */
	readonly exercises: ReadonlyMap<string, Exercise>;
	/** Problems not tied to a lesson that was otherwise loaded. */
	readonly problems: readonly Problem[];
}

export function formatProblem(p: Problem): string {
	const where = p.line ? `${p.file}:${p.line}` : p.file;
	return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/**
 * The placeholder names in one argument: `{word}` of lower-case letters. Other braces are literal,
 * so kubectl's `-o jsonpath={.status.phase}` passes through untouched.
 */
export function placeholdersIn(arg: string): string[] {
	return [...arg.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1]);
}
