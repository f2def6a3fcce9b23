// Scaffold; replaced as the target is built.
