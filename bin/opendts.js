#!/usr/bin/env node
// The `opendts` command.
import { launch } from './launch.js';

await launch('opendts');
