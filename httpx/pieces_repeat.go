package httpx

// A page may place one kept piece twice, such as the same two hundred
// names offered by two forms. Copied in twice, its compressed form costs
// its size twice, where a compressor would have written the second as
// references to the first. repeatBlock writes those references itself: a
// deflate block with the fixed codes (RFC 1951, 3.2.6) that copies n bytes
// from distance bytes back, ended like a sync flush on a byte boundary.

// maxRepeatDistance is how far back deflate may refer (its window).
const maxRepeatDistance = 32768

// repeatBlock returns the block that repeats n (at least 3) bytes from
// distance (1 to maxRepeatDistance) bytes back.
func repeatBlock(n, distance int) []byte {
	var b bitWriter
	b.write(0, 1) // not the final block
	b.write(1, 2) // fixed codes
	for n > 0 {
		l := 258
		switch {
		case n == 258 || n >= 258+3:
		case n > 258: // 259 or 260: two matches of at least 3
			l = n - 3
		default:
			l = n
		}
		b.length(l)
		b.distance(distance)
		n -= l
	}
	b.code(0, 7) // end of block (256)
	// An empty stored block brings the stream to a byte boundary, as a
	// sync flush does, for the compressor or the next piece to go on.
	b.write(0, 3)
	b.align()
	b.out = append(b.out, 0, 0, 0xff, 0xff)
	return b.out
}

// bitWriter writes deflate's bits: values from their lowest bit, Huffman
// codes from their highest.
type bitWriter struct {
	out  []byte
	acc  uint64
	bits uint
}

func (b *bitWriter) write(v uint64, n uint) {
	b.acc |= v << b.bits
	b.bits += n
	for b.bits >= 8 {
		b.out = append(b.out, byte(b.acc))
		b.acc >>= 8
		b.bits -= 8
	}
}

// code writes a Huffman code of n bits, its highest bit first.
func (b *bitWriter) code(c uint64, n uint) {
	var r uint64
	for i := uint(0); i < n; i++ {
		r = r<<1 | (c>>i)&1
	}
	b.write(r, n)
}

func (b *bitWriter) align() {
	if b.bits > 0 {
		b.write(0, 8-b.bits)
	}
}

// lengthBases are the shortest lengths of the length symbols 257 to 285.
var lengthBases = [29]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}

// length writes a match's length (3 to 258) as its symbol and extra bits.
func (b *bitWriter) length(l int) {
	i := len(lengthBases) - 1
	for lengthBases[i] > l {
		i--
	}
	extra := uint(0)
	if i >= 8 && i < 28 {
		extra = uint(i/4 - 1)
	}
	sym := 257 + i
	if sym < 280 {
		b.code(uint64(sym-256), 7)
	} else {
		b.code(uint64(0xc0+sym-280), 8)
	}
	b.write(uint64(l-lengthBases[i]), extra)
}

// distance writes a match's distance (1 to 32768) as its five-bit code and
// extra bits.
func (b *bitWriter) distance(d int) {
	c, extra, base := d-1, uint(0), d
	if d > 4 {
		// Codes from 4 come in pairs per number of extra bits.
		extra = 1
		for (4 << extra) <= d-1 {
			extra++
		}
		c = int(2*extra + 2)
		base = 2<<extra + 1
		if d-1 >= 3<<extra {
			c++
			base = 3<<extra + 1
		}
	}
	b.code(uint64(c), 5)
	b.write(uint64(d-base), extra)
}
