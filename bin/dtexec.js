#!/usr/bin/env node
// The `dtexec` command.
import { launch } from './launch.js';

await launch('dtexec');
