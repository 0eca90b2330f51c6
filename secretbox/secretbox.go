// Package secretbox seals the few secrets the server must read back later
// (a webhook's signing secret, a Matrix access token): they cannot be
// hashed like passwords, because the server signs or authenticates with
// them. Sealing is AES-256-GCM with a key the administrator provides, or a
// key file generated once in the data directory; a copy of the database
// alone does not reveal them.
package secretbox

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// KeySize is the key's length in bytes (AES-256).
const KeySize = 32

// prefix marks the sealed form and its scheme, so that a later scheme can
// be told apart.
const prefix = "v1:"

// ErrOpen is returned when a sealed value cannot be opened: a different key,
// or a damaged value.
var ErrOpen = errors.New("secretbox: cannot open the sealed value (wrong key or damaged)")

// Box seals and opens values with one key.
type Box struct {
	aead cipher.AEAD
}

// New makes a box from a 32-byte key.
func New(key []byte) (*Box, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("secretbox: the key must be %d bytes, not %d", KeySize, len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Box{aead: aead}, nil
}

// Seal encrypts plain with a fresh random nonce; the result is text safe to
// store in a column. context binds the value to its place (a webhook's ID,
// say): a value copied to another row does not open there.
func (b *Box) Seal(plain, context string) string {
	nonce := make([]byte, b.aead.NonceSize())
	rand.Read(nonce)
	out := b.aead.Seal(nonce, nonce, []byte(plain), []byte(context))
	return prefix + base64.RawStdEncoding.EncodeToString(out)
}

// Open decrypts a value sealed with the same key and context.
func (b *Box) Open(sealed, context string) (string, error) {
	rest, ok := strings.CutPrefix(sealed, prefix)
	if !ok {
		return "", ErrOpen
	}
	raw, err := base64.RawStdEncoding.DecodeString(rest)
	if err != nil || len(raw) < b.aead.NonceSize() {
		return "", ErrOpen
	}
	n := b.aead.NonceSize()
	plain, err := b.aead.Open(nil, raw[:n], raw[n:], []byte(context))
	if err != nil {
		return "", ErrOpen
	}
	return string(plain), nil
}

// ParseKey reads a key written as 64 hexadecimal digits or as standard
// base64 (with or without padding).
func ParseKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if k, err := hex.DecodeString(s); err == nil && len(k) == KeySize {
		return k, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding} {
		if k, err := enc.DecodeString(s); err == nil && len(k) == KeySize {
			return k, nil
		}
	}
	return nil, fmt.Errorf("secretbox: a key is %d bytes written as 64 hexadecimal digits or in base64", KeySize)
}

// KeyFileName is the key file's name in the data directory.
const KeyFileName = "secret.key"

// Load returns the box for the configuration: the key in value when it is
// set (PARTNERKIT_SECRET_KEY), or else the key file in dataDir, written
// once with a new random key (readable by its owner only) when absent.
func Load(value, dataDir string) (*Box, error) {
	if value != "" {
		k, err := ParseKey(value)
		if err != nil {
			return nil, err
		}
		return New(k)
	}
	path := filepath.Join(dataDir, KeyFileName)
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dataDir, 0o750); err != nil {
			return nil, err
		}
		k := make([]byte, KeySize)
		rand.Read(k)
		// O_EXCL: when two instances start at once, one writes and the
		// other reads what it wrote.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			return Load("", dataDir)
		} else if err != nil {
			return nil, err
		}
		if _, err := f.WriteString(hex.EncodeToString(k) + "\n"); err != nil {
			f.Close()
			return nil, err
		}
		if err := f.Close(); err != nil {
			return nil, err
		}
		return New(k)
	} else if err != nil {
		return nil, err
	}
	k, err := ParseKey(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return New(k)
}
