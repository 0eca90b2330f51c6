// Package survey holds the pure rules of surveys: when a group is too small
// to show (anonymity), the paired change between a pre- and a post-test,
// a respondent's score, and the templates a survey can start from. No I/O.
package survey
