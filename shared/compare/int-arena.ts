/*
 * Small arrays of 32-bit integers cut from large shared blocks. A comparison makes tens of
 * thousands of short arrays (token ids, word bags) that all live until it ends; giving each a
 * buffer of its own costs an allocation outside the heap apiece, while a view of a block is a
 * small object on the heap.
 */

const BLOCK = 1 << 16;

export class Int32Arena {
  private block = new Int32Array(BLOCK);
  private used = 0;

  /** A zeroed array of `length` integers. */
  take(length: number): Int32Array {
    if (length > BLOCK / 4) return new Int32Array(length);
    if (this.used + length > this.block.length) {
      this.block = new Int32Array(BLOCK);
      this.used = 0;
    }
    const array = this.block.subarray(this.used, this.used + length);
    this.used += length;
    return array;
  }
}
