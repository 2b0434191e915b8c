/*
 * `npm run bench`: every benchmark, one after the other, each printing its figures and its
 * ratio to a baseline measured in the same run.
 */
import { benchCompare } from "./compare";
import { benchReaders } from "./readers";
import { benchWorkspace } from "./workspace";

benchReaders();
await benchWorkspace();
benchCompare();
