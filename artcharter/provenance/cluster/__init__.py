"""Generation on a Ray cluster, signing kept on one host.

``generate --cluster`` and ``probe campaign --cluster`` send the rendering to Ray actors
(``worker``), each loading the model once on its device (a GPU when the cluster has one) and
returning, per batch, the PNG images, what their records say about the generation and the
codecarbon energy measured on that worker. The process that started the run, the driver,
alone signs and writes the ledger (``publish``): the private key never leaves the signing
host, and the ledger keeps one writer. ``pool`` dispatches batches with bounded
back-pressure, publishes them in seed order whatever the order they finish in, retries a
batch whose worker died on another one, and gives up on a batch after three failed tries.

Nothing here imports Ray until a cluster is asked for (``connect``): without ``--cluster``
the single-process path runs as it always did.
"""
