/*
 * `npm run bench`: every benchmark, one after the other, each printing its figures and its
 * ratio to a baseline measured in the same run.
 */
import { benchReaders } from "./readers";

benchReaders();
