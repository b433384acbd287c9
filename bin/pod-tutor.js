#!/usr/bin/env node
// Kept tiny: all logic lives in the bundle so start-up parses one file.
import '../dist/cli.js';
