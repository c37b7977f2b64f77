#!/usr/bin/env node
// The `dtutil` command.
import { launch } from './launch.js';

await launch('dtutil');
