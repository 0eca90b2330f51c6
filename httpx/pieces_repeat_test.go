package httpx

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"testing"
)

// A repetition block decodes to the bytes it repeats, for every length
// from 3 to 600 (each length symbol and the splits of 259 and 260) and
// distances at the edges of every distance code.
func TestRepeatBlockDecodes(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	prefix := make([]byte, maxRepeatDistance)
	for i := range prefix {
		prefix[i] = byte(rng.IntN(256))
	}
	distances := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 16, 17, 24, 25, 32, 33, 100, 1024, 1025, 4096, 4097, 16384, 16385, 24576, 24577, 32767, 32768}
	for _, d := range distances {
		for n := 3; n <= 600; n++ {
			if d != maxRepeatDistance && n%7 != 0 && n > 20 && n != 258 && n != 259 && n != 260 && n != 261 {
				continue // every length at one distance; a sample at the others
			}
			var stream bytes.Buffer
			fw, _ := flate.NewWriter(&stream, flate.NoCompression)
			fw.Write(prefix[:d])
			fw.Flush()
			stream.Write(repeatBlock(n, d))
			fw.Reset(&stream)
			fw.Close()
			got, err := io.ReadAll(flate.NewReader(&stream))
			if err != nil {
				t.Fatalf("n %d, distance %d: %v", n, d, err)
			}
			want := append([]byte{}, prefix[:d]...)
			for i := 0; i < n; i++ {
				want = append(want, want[len(want)-d])
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("n %d, distance %d: decoded %d bytes, differing from the %d wanted", n, d, len(got), len(want))
			}
		}
	}
}
