#!/usr/bin/env node
// The `dtsserver` command.
import { launch } from './launch.js';

await launch('dtsserver');
