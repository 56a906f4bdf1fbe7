package org.tribune.bench.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;

/**
 * Writes a camera-sized JPEG that compresses as a photograph does: smooth gradients (sky, walls)
 * under fine noise (sensor grain, foliage), at a camera's quality. Run in its own JVM with a large
 * heap: the 6000 × 4000 raster alone is 72 MB.
 *
 * <pre>
 * java -Xmx1g -cp … org.tribune.bench.media.MakePhoto photo.jpg [width height noise [progressive]]
 * </pre>
 */
public final class MakePhoto {

  private MakePhoto() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int width = args.length > 1 ? Integer.parseInt(args[1]) : 6000;
    int height = args.length > 2 ? Integer.parseInt(args[2]) : 4000;
    int noise = args.length > 3 ? Integer.parseInt(args[3]) : 24;
    boolean progressive = args.length > 4 && args[4].equals("progressive");
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    SplittableRandom random = new SplittableRandom(42);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double fx = (double) x / width;
        double fy = (double) y / height;
        int grain = random.nextInt(noise) - noise / 2;
        int b = clamp(60 + 170 * fy + 20 * Math.sin(fx * 31) + grain);
        int g = clamp(90 + 100 * fx + 40 * Math.sin((fx + fy) * 17) + grain);
        int r = clamp(200 - 150 * fy + 30 * Math.cos(fy * 23 + fx * 5) + grain);
        int i = (y * width + x) * 3;
        pixels[i] = (byte) b;
        pixels[i + 1] = (byte) g;
        pixels[i + 2] = (byte) r;
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.92f);
    if (progressive) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    try (FileImageOutputStream stream = new FileImageOutputStream(out.toFile())) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    System.out.printf("%s: %d × %d, %.1f MB%n", out, width, height, out.toFile().length() / 1e6);
  }

  private static int clamp(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }
}
