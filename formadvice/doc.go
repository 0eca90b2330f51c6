// Package formadvice helps a partnership choose its form: where it sits on
// the continuum of collaboration (after ROADMAP 2013), which type of
// coalition suits it (after Wendy Wilson, River Network 2006), what it is
// based on (geography, issue or group) and how formal its structure should
// be (both after the Networking & Alliance Building Toolkit for Diaspora
// Organizations, Maastricht University).
//
// The package is pure: no I/O, no clock, no database. Every text a person
// reads is a message ID from i18n/catalog/formadvice.*.toml.
//
// API:
//
//	Forms, Attributes                 the continuum: five forms, seven attributes with five options each
//	Recommend(choices)                the form that best fits the chosen options
//	CoalitionTypes, CoalitionDimensions
//	RecommendCoalitionType(choices)   the coalition type that best fits
//	Bases, Structures                 geography/issue/group; formal/informal with pros and cons
//	ContinuumSource, CoalitionTypeSource, BasisSource, StructureSource   message IDs naming the methods
package formadvice
