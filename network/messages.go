package network

// Source is the message ID naming the methods and their authors.
const Source = "network.source"

// MetricNames lists the measures that have a name and a help text in the
// catalogue, actor measures first, then those of the whole network.
var MetricNames = []string{
	"degree", "betweenness", "closeness", "eigenvector", "reach", "community",
	"actors", "ties", "density", "average_degree", "centralisation",
	"components", "communities", "boundary_crossers", "brokers",
}

// MetricMessage is the message ID of a measure's name.
func MetricMessage(name string) string { return "network.metric." + name }

// MetricHelp is the message ID of a short, plain explanation of a measure
// and how to read it.
func MetricHelp(name string) string { return "network.metric." + name + ".help" }
