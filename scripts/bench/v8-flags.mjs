// Preloaded with `node --import` by memory-variants.mjs: lets through only the V8 flags named in
// $POD_TUTOR_BENCH_V8_KEEP (comma-separated, "none" for none) of those the tutor sets at run time,
// so each setting's worth is measured on the same build. --expose-gc is what the quiet collector
// needs: dropping it turns the collector off.
import {syncBuiltinESMExports} from 'node:module';
import v8 from 'node:v8';

const keep = new Set((process.env.POD_TUTOR_BENCH_V8_KEEP ?? '').split(',').filter(Boolean));
const original = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
	const kept = flags.split(/\s+/).filter((flag) => keep.has(flag));
	if (kept.length > 0) original(kept.join(' '));
};
syncBuiltinESMExports();
