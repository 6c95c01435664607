// Archetype generation does not keep file modes: the Maven wrapper must be executable for "./mvnw".
def root = new File(request.outputDirectory, request.artifactId)
new File(root, 'mvnw').setExecutable(true, false)
