// Sealed document files in an S3-compatible bucket (FILE_STORE=s3): AWS S3,
// or a bucket of one's own (MinIO, Garage, Ceph) through S3_ENDPOINT. The
// bucket sees only sealed bytes under random keys; the key that opens them
// (FILE_ENCRYPTION_KEY) never leaves the app servers.
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { SealedStore } from "./store";
import { checkStorageKey, isStorageKey } from "./storage-key";

export type S3Config = {
  bucket: string;
  /** Inside the bucket: "waypoint/" keeps Waypoint's objects apart from others. */
  prefix: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

export function s3Config(env: Record<string, string | undefined> = process.env): S3Config {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) throw new Error("FILE_STORE=s3 needs S3_BUCKET (and S3_ENDPOINT for a store other than AWS).");
  const accessKeyId = env.S3_ACCESS_KEY_ID ?? env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY ?? env.AWS_SECRET_ACCESS_KEY;
  return {
    bucket,
    prefix: env.S3_PREFIX ?? "",
    region: env.S3_REGION ?? env.AWS_REGION ?? "us-east-1",
    endpoint: env.S3_ENDPOINT || undefined,
    // Stores of one's own usually serve buckets by path, not by host name.
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === "true" : Boolean(env.S3_ENDPOINT),
    // Without keys here the SDK finds its own (instance role, ~/.aws).
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

export class S3SealedStore implements SealedStore {
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.client = new S3Client({ region: config.region, endpoint: config.endpoint, forcePathStyle: config.forcePathStyle, credentials: config.credentials });
  }

  private objectKey(key: string) {
    checkStorageKey(key);
    return `${this.config.prefix}${key}`;
  }

  async putSealed(key: string, sealed: Buffer) {
    // One PUT is atomic: the object is there whole or not at all.
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key), Body: sealed, ContentType: "application/octet-stream" }));
  }

  async getSealed(key: string): Promise<Buffer> {
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
    if (!answer.Body) throw new Error("stored file not found");
    return Buffer.from(await answer.Body.transformToByteArray());
  }

  async remove(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
  }

  async keys(): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: this.config.prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        const key = object.Key?.slice(this.config.prefix.length);
        if (key && isStorageKey(key)) keys.push(key);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }
}
